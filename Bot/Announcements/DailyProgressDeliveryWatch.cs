using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Hosting;
using StackExchange.Redis;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Reads from storage, once a minute, how many of the groups that receive the daily progress announcement got the one
/// that goes out today, for <c>chatpost_announcement_groups</c> and its alert (not every group by 09:00 Asia/Shanghai).
/// From storage, not from what this replica delivered: any replica may deliver to a group, and the figure must survive
/// a restart. Today's run is found by its idempotency key (<see cref="DailyProgressSender.IdempotencyKey"/>).
/// </summary>
public sealed class DailyProgressDeliveryWatch(DailyProgressAnnouncement announcement, IBroadcastStore store, StaffDirectory directory,
    TimeProvider time, ChatPostMetrics metrics, ILogger<DailyProgressDeliveryWatch> logger) : BackgroundService
{
    /// <summary>How often storage is read.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>Reads the figures now and hands them to the metrics; nothing when storage cannot be read.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var receiving = directory.GroupsReceiving(DailyProgressSender.Name);
        var day = announcement.ReportDayAt(time.GetUtcNow());
        var delivered = 0;
        try
        {
            foreach (var city in receiving.GroupBy(group => group.City))
            {
                if (await store.FindByIdempotencyKeyAsync(DailyProgressSender.IdempotencyKey(day, city.Key), cancellationToken) is not { } id)
                {
                    continue;
                }

                var deliveries = await store.GetDeliveriesAsync(id, cancellationToken);
                delivered += city.Count(group => deliveries.GetValueOrDefault(group.Id)?.Status == DeliveryStatus.Sent);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The readiness check and its alert say Redis is gone; a stale figure is better than a made-up zero.
            logger.DeliveryWatchFailed(exception);
            return;
        }

        metrics.AnnouncementGroupsSeen(DailyProgressSender.Name, receiving.Count, delivered);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
