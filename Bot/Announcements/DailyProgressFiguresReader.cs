using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Announcements;

/// <summary>Reads the figures of a report day from the progress counters: three range reads, never raw events.</summary>
public sealed class DailyProgressFiguresReader(IProgressCounters counters, IOptions<DailyProgressOptions> options)
{
    /// <summary>
    /// The figures of <paramref name="reportDay"/> (D): reads D, D−1 and campaign start through D, concurrently.
    /// Throws <see cref="ArgumentOutOfRangeException"/> when D is before <see cref="DailyProgressOptions.CampaignStart"/>.
    /// </summary>
    public async Task<DailyProgressFigures> ReadAsync(DateOnly reportDay, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(reportDay, settings.CampaignStart);
        var dayBefore = reportDay.AddDays(-1);
        var onDayTask = counters.GetAsync(reportDay, reportDay, cancellationToken);
        var dayBeforeTask = counters.GetAsync(dayBefore, dayBefore, cancellationToken);
        var cumulativeTask = counters.GetAsync(settings.CampaignStart, reportDay, cancellationToken);
        await Task.WhenAll(onDayTask, dayBeforeTask, cumulativeTask);
        return DailyProgressCalculator.Calculate(
            reportDay, settings.CampaignStart, await onDayTask, await dayBeforeTask, await cumulativeTask, settings.Baselines);
    }

    /// <summary>
    /// The province's accepted and delivered counts per day and business line from <paramref name="firstDay"/> through
    /// <paramref name="lastDay"/> (at most <see cref="LongestTrend"/> days, and none before the campaign start: an
    /// earlier first day is moved up): one counter read per day, concurrently.
    /// </summary>
    public async Task<ProgressTrend> ReadTrendAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        if (firstDay < options.Value.CampaignStart)
        {
            firstDay = options.Value.CampaignStart;
        }

        if (lastDay.DayNumber - firstDay.DayNumber >= LongestTrend)
        {
            firstDay = lastDay.AddDays(-(LongestTrend - 1));
        }

        var days = Enumerable.Range(0, Math.Max(0, lastDay.DayNumber - firstDay.DayNumber + 1)).Select(firstDay.AddDays).ToList();
        var counts = await Task.WhenAll(days.Select(day => counters.GetAsync(day, day, cancellationToken)));
        var businesses = Enum.GetValues<Business>().Length;
        return new ProgressTrend([.. days.Select((day, i) =>
        {
            var accepted = new long[businesses];
            var delivered = new long[businesses];
            foreach (var row in counts[i])
            {
                var totals = row.Status switch
                {
                    ShipmentStatus.Accepted => accepted,
                    ShipmentStatus.Delivered => delivered,
                    _ => null,
                };
                if (totals is not null && (int)row.Business < businesses)
                {
                    totals[(int)row.Business] += row.Count;
                }
            }

            return new TrendDay(day, accepted, delivered);
        })]);
    }

    /// <summary>The most days a trend reads: half a year.</summary>
    public const int LongestTrend = 183;
}
