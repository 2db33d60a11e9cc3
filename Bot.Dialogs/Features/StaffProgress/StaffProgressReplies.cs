using System.Globalization;
using System.Text;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Features.StaffProgress;

/// <summary>Progress figures as staff read them in the WeCom app.</summary>
public static class StaffProgressReplies
{
    public const string Menu = """
        我可以告诉您寄递进度：
        · “进度”：今日进度（在市州工作群里即本市）
        · “进度 襄阳”：某市州今日进度；“进度 图表”：附各市州投递图表
        · “恩施教材累计多少了”：累计投递
        · “全省交管业务排名”：各市州排名
        · “每日通报”：最新一期每日通报
        · 发邮件号、发票申请编号或纳税人识别号：查寄递进度
        · 寄递政策、办理流程等常见问题，直接问我
        通报管理员还可以发布通报：“通报 内容”、“广播 恩施 孝感：内容”、“定时 明天08:00 通报 内容”。
        """;

    /// <summary>Said after province-wide figures in a group that no <c>Groups[].ChatId</c> names.</summary>
    public const string UnknownGroupHint = "\n（本群未登记所属市州，以上为全省数据；查某市请说“进度 襄阳”。）";

    /// <summary>Answers <paramref name="query"/> from <paramref name="snapshot"/>.</summary>
    public static string Describe(ProgressQuery query, ProgressSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(snapshot);
        var lines = snapshot.Lines.Where(line => query.Business is null || line.Business == query.Business).ToList();
        var scope = (query.City ?? "全省") + (query.Business is { } business ? PostalNames.ToChinese(business) : "");
        var text = new StringBuilder().Append(scope).Append(' ').Append(DayName(snapshot.Day)).Append('\n');
        if (query.Ranking)
        {
            AppendRanking(text, lines);
            return text.ToString().TrimEnd();
        }

        var selected = lines.Where(line => query.City is null || line.City == query.City).ToList();
        foreach (var group in selected.GroupBy(line => line.Business).OrderBy(group => group.Key))
        {
            text.Append(PostalNames.ToChinese(group.Key)).Append("：收寄 ").Append(N(group.Sum(l => l.AcceptedOnDay)))
                .Append("，投递 ").Append(N(group.Sum(l => l.DeliveredOnDay)))
                .Append(Change(group.Sum(l => l.DeliveredOnDay), group.Sum(l => l.DeliveredDayBefore)))
                .Append("，累计投递 ").Append(N(group.Sum(l => l.DeliveredCumulative))).Append('\n');
        }

        text.Append("合计：投递 ").Append(N(selected.Sum(l => l.DeliveredOnDay)))
            .Append("，累计投递 ").Append(N(selected.Sum(l => l.DeliveredCumulative)))
            .Append("（自").Append(snapshot.CampaignStart.ToString("M月d日", CultureInfo.InvariantCulture)).Append("起）");
        return text.ToString();
    }

    private static void AppendRanking(StringBuilder text, List<ProgressLine> lines)
    {
        var ranking = Cities.All
            .Select(city => (City: city, Delivered: lines.Where(l => l.City == city).Sum(l => l.DeliveredOnDay),
                Cumulative: lines.Where(l => l.City == city).Sum(l => l.DeliveredCumulative)))
            .OrderByDescending(row => row.Delivered).ThenByDescending(row => row.Cumulative).ToList();
        for (var i = 0; i < ranking.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(ranking[i].City).Append(" 投递 ").Append(N(ranking[i].Delivered))
                .Append("（累计 ").Append(N(ranking[i].Cumulative)).Append("）\n");
        }
    }

    private static string DayName(DateOnly day) => day.ToString("M月d日", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Change(long today, long before) => (today - before) switch
    {
        0 => "（持平）",
        > 0 and var up => $"（比前一日↑{N(up)}）",
        var down => $"（比前一日↓{N(-down)}）",
    };
}
