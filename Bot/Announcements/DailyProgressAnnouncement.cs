using System.Collections.Concurrent;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Composes the daily progress announcement for a group. The figures and charts of a report day are computed once
/// and reused for <see cref="DailyProgressOptions.CacheDuration"/>, so that hundreds of groups announced together
/// cost one computation; only the receiving city's line differs per group.
/// </summary>
public sealed class DailyProgressAnnouncement(
    DailyProgressFiguresReader reader,
    ProgressChartRenderer renderer,
    IOptions<DailyProgressOptions> options,
    TimeProvider time,
    ILogger<DailyProgressAnnouncement> logger)
{
    private readonly ConcurrentDictionary<DateOnly, CacheEntry> _cache = new();

    /// <summary>
    /// The day an announcement sent at <paramref name="moment"/> reports: the day before in China (the default,
    /// <see cref="DailyProgressReportDay.Yesterday"/>) or the same day (<see cref="DailyProgressReportDay.Today"/>).
    /// </summary>
    public DateOnly ReportDayAt(DateTimeOffset moment)
    {
        var today = ChinaTime.Day(moment);
        return options.Value.ReportDay == DailyProgressReportDay.Today ? today : today.AddDays(-1);
    }

    /// <summary>
    /// The announcement of <paramref name="reportDay"/> for a group of <paramref name="city"/> (null for a
    /// province-wide group; a name outside the seventeen is logged and treated as null). Throws
    /// <see cref="ArgumentOutOfRangeException"/> for a day before <see cref="DailyProgressOptions.CampaignStart"/>.
    /// Cancelling stops this caller's wait, not the shared computation other groups may be waiting for.
    /// </summary>
    public async Task<ComposedAnnouncement> ComposeAsync(DateOnly reportDay, string? city, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reportDay, options.Value.CampaignStart);
        var snapshot = await GetSnapshotAsync(reportDay).WaitAsync(cancellationToken);
        if (city is not null && !Cities.IsCity(city))
        {
            logger.UnknownCity(city);
        }

        var markdown = DailyProgressComposer.Compose(snapshot.Figures, city);
        if (markdown.Detail != DailyProgressDetail.Full)
        {
            logger.DetailDropped(reportDay, city ?? "the province", markdown.Detail);
        }

        return new ComposedAnnouncement(reportDay, markdown.Content, markdown.Detail, snapshot.Charts);
    }

    private Task<Snapshot> GetSnapshotAsync(DateOnly reportDay)
    {
        var now = time.GetUtcNow();
        foreach (var (day, stale) in _cache)
        {
            if (!stale.IsFreshAt(now))
            {
                _cache.TryRemove(KeyValuePair.Create(day, stale));
            }
        }

        // Lazy: AddOrUpdate may build an entry it then discards under contention; only the stored one ever starts.
        var entry = _cache.AddOrUpdate(
            reportDay,
            day => NewEntry(day, now),
            (day, existing) => existing.IsFreshAt(now) ? existing : NewEntry(day, now));
        if (entry.Snapshot.IsValueCreated)
        {
            logger.FiguresReused(reportDay);
        }

        return entry.Snapshot.Value;
    }

    private CacheEntry NewEntry(DateOnly reportDay, DateTimeOffset now) =>
        new(new Lazy<Task<Snapshot>>(() => ComputeAsync(reportDay)), now + options.Value.CacheDuration);

    private async Task<Snapshot> ComputeAsync(DateOnly reportDay)
    {
        var started = time.GetTimestamp();
        // Not the first caller's token: other groups may be waiting on this computation (each waits with its own).
        var figures = await reader.ReadAsync(reportDay, CancellationToken.None);
        var charts = options.Value.Charts ? renderer.RenderAll(figures) : [];
        var elapsed = time.GetElapsedTime(started);
        logger.FiguresComputed(reportDay, charts.Count, (long)elapsed.TotalMilliseconds);
        return new Snapshot(figures, charts);
    }

    private sealed record Snapshot(DailyProgressFigures Figures, IReadOnlyList<ChartImage> Charts);

    private sealed record CacheEntry(Lazy<Task<Snapshot>> Snapshot, DateTimeOffset ExpiresAt)
    {
        /// <summary>Reusable: not expired, and not failed (a failure is retried by the next caller, not cached).</summary>
        public bool IsFreshAt(DateTimeOffset now) =>
            ExpiresAt > now && !(Snapshot.IsValueCreated && (Snapshot.Value.IsFaulted || Snapshot.Value.IsCanceled));
    }
}
