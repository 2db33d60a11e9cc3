using System.Globalization;
using ChatPost.Bot.Broadcasts;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Sends the daily progress announcement of a report day to every group whose <c>Announcements</c> include
/// <c>daily-progress</c>: one broadcast per city (its groups get their city's line; province groups none), each
/// keyed by (announcement, city, day) so that a second run — the job firing twice, a replica racing another — sends
/// nothing again. <c>force</c> sends anyway.
/// </summary>
public sealed class DailyProgressSender(DailyProgressAnnouncement announcement, BroadcastService broadcasts, StaffDirectory directory)
{
    public const string Name = StaffOptionsValidator.DailyProgress;

    /// <summary>What makes a city's announcement of a report day go out once (null city: the province groups).</summary>
    public static string IdempotencyKey(DateOnly reportDay, string? city) =>
        $"announcement:{Name}:{reportDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{city ?? "province"}";

    /// <summary>Composes and hands the announcement of <paramref name="reportDay"/> to delivery.</summary>
    public async Task<AnnouncementRun> SendAsync(DateOnly reportDay, bool force, CancellationToken cancellationToken)
    {
        var runs = new List<(string Id, bool Created)>();
        IReadOnlyList<BroadcastPart>? charts = null; // the same province-wide charts for every city: encode them once
        foreach (var cityGroups in directory.GroupsReceiving(Name).GroupBy(group => group.City))
        {
            var composed = await announcement.ComposeAsync(reportDay, cityGroups.Key, cancellationToken);
            charts ??= [.. composed.Charts.Select(chart => BroadcastPart.Image(chart.Png.Span))];
            IReadOnlyList<BroadcastPart> parts = [BroadcastPart.Markdown(composed.Markdown), .. charts];
            var key = force ? null : IdempotencyKey(reportDay, cityGroups.Key);
            runs.Add(await broadcasts.AnnounceAsync($"每日通报 {reportDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", parts, [.. cityGroups.Select(group => group.Id)], key, cancellationToken));
        }

        return new AnnouncementRun(reportDay, [.. runs.Select(run => run.Id)], runs.Count > 0 && runs.All(run => !run.Created));
    }
}

/// <summary>
/// What a run of an announcement did: the broadcasts (one per city), and whether all had been sent before.
/// 一次通报运行的结果：各城市的通报编号，以及是否此前均已发送。
/// </summary>
/// <param name="ReportDay">The day the figures are of (normally yesterday, Asia/Shanghai). 数据所属的报告日（通常为昨天）。</param>
/// <param name="Broadcasts">The broadcasts' ids, one per city; follow each with its report. 各城市的通报编号，可查看送达报告。</param>
/// <param name="AlreadySent">True when every one had been sent before: nothing new went out. 均已发送过，本次未再发送。</param>
public sealed record AnnouncementRun(DateOnly ReportDay, IReadOnlyList<string> Broadcasts, bool AlreadySent);
