using Quartz;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// The scheduled daily progress announcement (<c>Announcements:DailyProgress:Cron</c>, Asia/Shanghai). A firing
/// more than <see cref="LatestFiring"/> late (the service was down) is skipped: yesterday's figures at noon help
/// nobody, and the next morning's run comes anyway.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyProgressJob(DailyProgressAnnouncement announcement, DailyProgressSender sender, TimeProvider time,
    ILogger<DailyProgressJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-progress", "announcements");

    /// <summary>How late a firing may be and still send.</summary>
    public static readonly TimeSpan LatestFiring = TimeSpan.FromHours(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var late = time.GetUtcNow() - scheduled;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobKey"] = Key.ToString(), ["FireInstanceId"] = context.FireInstanceId });
        if (late > LatestFiring)
        {
            logger.AnnouncementSkipped(scheduled, late);
            return;
        }

        var run = await sender.SendAsync(announcement.ReportDayAt(scheduled), force: false, cancellationToken);
        logger.AnnouncementRun(run.ReportDay, run.Broadcasts.Count, run.AlreadySent);
    }
}
