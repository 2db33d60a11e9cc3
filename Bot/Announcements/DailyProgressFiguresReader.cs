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
}
