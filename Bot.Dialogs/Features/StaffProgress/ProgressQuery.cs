using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Dialogs.Features.StaffProgress;

/// <summary>What a staff member asks about progress: "进度", "进度 襄阳", "恩施教材配送累计多少了", "全省交管业务排名", "进度 图表".</summary>
/// <param name="ProvinceWide">"全省" was said: the province, even in a city's group.</param>
/// <param name="Chart">"图表" was said: the day's charts come with the figures.</param>
public sealed record ProgressQuery(string? City, Business? Business, DateOnly Day, bool Cumulative, bool Ranking, bool ProvinceWide = false,
    bool Chart = false)
{
    private static readonly string[] Cues = ["进度", "累计", "排名", "多少", "统计", "情况", "收寄", "投递", "通报数据", "图表"];

    /// <summary>Reads a progress question from what the recogniser understood; null when the message is not about progress.</summary>
    public static ProgressQuery? TryRead(CitizenUnderstanding understood, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(understood);
        var text = understood.Normalized;
        if (!Cues.Any(cue => text.Contains(cue, StringComparison.Ordinal)))
        {
            return null;
        }

        return new ProgressQuery(understood.City, understood.Business, understood.Date ?? today,
            Cumulative: text.Contains("累计", StringComparison.Ordinal) || text.Contains("总共", StringComparison.Ordinal),
            Ranking: text.Contains("排名", StringComparison.Ordinal) || text.Contains("排行", StringComparison.Ordinal),
            ProvinceWide: text.Contains("全省", StringComparison.Ordinal),
            Chart: text.Contains("图表", StringComparison.Ordinal) || text.Contains("柱状图", StringComparison.Ordinal));
    }
}
