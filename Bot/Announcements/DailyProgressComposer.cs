using System.Text;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Writes the daily progress announcement in the group robot's markdown subset (headings, bold, quotes and
/// <c>&lt;font color&gt;</c>; no lists, no tables). Pure: the same figures and city give the same text.
/// </summary>
public static partial class DailyProgressComposer
{
    /// <summary>The group robot's limit on markdown content, in UTF-8 bytes (WECHAT.md §5).</summary>
    public const int MaxBytes = 4096;

    /// <summary>
    /// The announcement of <paramref name="figures"/>, with a line for <paramref name="city"/> when it is one of the
    /// seventeen (null or any other value: no city line). Drops detail in <see cref="DailyProgressDetail"/> order
    /// until it fits <see cref="MaxBytes"/>, so that no splitter ever cuts it mid-ranking.
    /// </summary>
    public static DailyProgressMarkdown Compose(DailyProgressFigures figures, string? city)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var rank = figures.FindRank(city);
        foreach (var detail in Enum.GetValues<DailyProgressDetail>())
        {
            var content = Write(figures, rank, detail);
            if (Encoding.UTF8.GetByteCount(content) <= MaxBytes)
            {
                return new DailyProgressMarkdown(content, detail);
            }
        }

        // Without the ranking the text is bounded (about 3 KB with 15-digit counts everywhere): a broken invariant.
        throw new InvalidOperationException($"The daily progress announcement of {figures.ReportDay} exceeds {MaxBytes} bytes even without the ranking.");
    }

    /// <summary>The text at one level of detail, whatever its size.</summary>
    internal static string Write(DailyProgressFigures figures, CityRank? city, DailyProgressDetail detail)
    {
        var text = new StringBuilder(MaxBytes);
        var day = figures.ReportDay;
        text.Append("# 每日通报 · ").Append(LongDate(day)).Append('（').Append(Weekday(day)).Append("）\n");
        text.Append("<font color=\"comment\">收寄、投递为").Append(ShortDate(day)).Append("当日件数，增减较前一日；累计自")
            .Append(LongDate(figures.CampaignStart)).Append("起；同比较去年日均</font>\n\n");

        text.Append("**全省**：");
        AppendLine(text, figures.ProvinceTotal, " 件", bold: true);
        foreach (var business in figures.Province)
        {
            text.Append("> ").Append(PostalNames.ToChinese(business.Business)).Append('：');
            AppendLine(text, business.Line, "", bold: false);
        }

        if (city is not null)
        {
            text.Append("\n**本市 · ").Append(city.City.City).Append("**（第").Append(city.Rank).Append("名）：");
            AppendLine(text, city.City.Total, " 件", bold: true);
        }

        if (detail != DailyProgressDetail.WithoutRanking)
        {
            text.Append("\n## 各市州当日投递\n");
            foreach (var rank in figures.Ranking)
            {
                AppendRank(text, rank, detail);
            }
        }

        AppendHighlights(text, figures);
        return text.ToString();
    }

    /// <summary>前三名 with their deliveries; 当日无投递 in warning colour. 无 when there are none.</summary>
    private static void AppendHighlights(StringBuilder text, DailyProgressFigures figures)
    {
        text.Append("\n## 亮点\n**前三名**：");
        text.AppendJoin("、", figures.TopCities.Select(rank => $"{rank.City.City} {Count(rank.City.Total.Delivered)}"));
        text.Append(figures.TopCities.Count == 0 ? "无\n" : "\n");
        text.Append("**当日无投递**：");
        text.Append(figures.CitiesWithoutDeliveries.Count == 0
            ? "无"
            : $"<font color=\"warning\">{string.Join('、', figures.CitiesWithoutDeliveries)}</font>");
    }

    /// <summary>投递 N 件 ↑Δ（p%），收寄 N 件；累计投递 N 件、收寄 N 件；同比 ↑p%</summary>
    private static void AppendLine(StringBuilder text, ProgressLine line, string unit, bool bold)
    {
        var delivered = Count(line.Delivered);
        text.Append("投递 ").Append(bold ? $"**{delivered}**" : delivered).Append(unit).Append(' ')
            .Append(Change(line.DeliveredChange, line.DeliveredChangePercent, withCount: true))
            .Append("，收寄 ").Append(Count(line.Accepted)).Append(unit)
            .Append("；累计投递 ").Append(Count(line.CumulativeDelivered)).Append(unit)
            .Append("、收寄 ").Append(Count(line.CumulativeAccepted)).Append(unit);
        if (line.YearOverYear is { } yearOverYear)
        {
            text.Append("；同比 ").Append(YearOverYear(yearOverYear.Percent));
        }

        text.Append('\n');
    }

    private static void AppendRank(StringBuilder text, CityRank rank, DailyProgressDetail detail)
    {
        var total = rank.City.Total;
        text.Append("**").Append(rank.Rank).Append("** ").Append(rank.City.City).Append(' ').Append(Count(total.Delivered));
        if (detail is DailyProgressDetail.Full or DailyProgressDetail.WithoutCityLines)
        {
            text.Append(' ').Append(Change(total.DeliveredChange, total.DeliveredChangePercent, withCount: false));
        }

        if (detail == DailyProgressDetail.Full && total.Delivered > 0)
        {
            // Only the lines that delivered, and no grey <font> around them: that is what lets the full ranking fit.
            text.Append('｜');
            text.AppendJoin(" · ", rank.City.Lines
                .Where(line => line.Line.Delivered > 0)
                .Select(line => $"{ShortName(line.Business)} {Count(line.Line.Delivered)}"));
        }

        text.Append('\n');
    }
}
