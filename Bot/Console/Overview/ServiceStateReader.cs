using ChatPost.Bot.Announcements;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Channels;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPost.Bot.Console.Overview;

/// <summary>Reads the service's state for the overview from what already watches it: the readiness checks, the queues, the broadcasts.</summary>
public sealed class ServiceStateReader(HealthCheckService health, IBroadcastStore broadcasts, LateReplyOutbox outbox, StaffDirectory directory)
{
    /// <summary>How many of the newest broadcasts are searched for each group's last announcement.</summary>
    public const int AnnouncementSearch = 200;

    public async Task<ServiceState> ReadAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"), cancellationToken);
        var broadcastBacklog = await CountAsync(() => broadcasts.Deliveries.CountAsync(cancellationToken));
        var lateReplies = await CountAsync(() => outbox.Backlog.CountAsync(cancellationToken));
        return new ServiceState(
            report.Entries.TryGetValue("redis", out var redis) ? Part(redis) : null,
            report.Entries.TryGetValue("scheduler", out var scheduler) ? Part(scheduler) : new PartHealth(false, "未注册"),
            broadcastBacklog,
            lateReplies,
            await LastAnnouncementsAsync(cancellationToken));
    }

    private async Task<IReadOnlyList<GroupAnnouncement>> LastAnnouncementsAsync(CancellationToken cancellationToken)
    {
        var receiving = directory.GroupsReceiving(DailyProgressSender.Name);
        var latest = new Dictionary<string, GroupAnnouncement>(StringComparer.Ordinal);
        IReadOnlyList<string> recent;
        try
        {
            recent = await broadcasts.RecentAsync(AnnouncementSearch, cancellationToken);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            recent = [];
        }

        foreach (var id in recent)
        {
            if (latest.Count == receiving.Count)
            {
                break;
            }

            var broadcast = await broadcasts.GetAsync(id, cancellationToken);
            if (broadcast is not { Origin: "announcement" })
            {
                continue;
            }

            var deliveries = await broadcasts.GetDeliveriesAsync(id, cancellationToken);
            foreach (var group in receiving.Where(group => !latest.ContainsKey(group.Id) && broadcast.GroupIds.Contains(group.Id)))
            {
                var delivery = deliveries.GetValueOrDefault(group.Id, DeliveryState.Pending);
                latest[group.Id] = new GroupAnnouncement(group.Id, group.Name, group.City, id, broadcast.Title, broadcast.CreatedAt,
                    delivery.Status.ToString().ToLowerInvariant(), delivery.Error);
            }
        }

        return [.. receiving.Select(group => latest.GetValueOrDefault(group.Id) ?? new GroupAnnouncement(group.Id, group.Name, group.City, null, null, null, null, null))];
    }

    private static PartHealth Part(HealthReportEntry entry) => new(entry.Status == HealthStatus.Healthy, entry.Description);

    /// <summary>A queue's length, or null while it cannot be read (Redis down): the page still renders.</summary>
    private static async Task<long?> CountAsync(Func<Task<long>> count)
    {
        try
        {
            return await count();
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            return null;
        }
    }
}
