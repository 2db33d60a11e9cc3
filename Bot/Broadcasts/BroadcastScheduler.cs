using Quartz;

namespace ChatPost.Bot.Broadcasts;

/// <summary>Timed broadcasts as Quartz triggers of <see cref="ScheduledBroadcastJob"/>, one per broadcast.</summary>
public sealed class BroadcastScheduler(ISchedulerFactory schedulers)
{
    public static readonly JobKey JobKey = new("scheduled-broadcast", "broadcasts");

    public const string BroadcastIdKey = "broadcastId";

    /// <summary>Schedules the release of broadcast <paramref name="id"/> at <paramref name="at"/>, unless already scheduled. A past time fires at once.</summary>
    public async Task ScheduleAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.Exists(TriggerKeyOf(id), cancellationToken))
        {
            return;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(id))
            .ForJob(JobKey)
            .UsingJobData(BroadcastIdKey, id)
            .StartAt(at)
            // A broadcast that came due while no replica ran is sent as soon as one runs again.
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
    }

    /// <summary>Removes the trigger of broadcast <paramref name="id"/>, if any.</summary>
    public async Task UnscheduleAsync(string id, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(TriggerKeyOf(id), cancellationToken);
    }

    private static TriggerKey TriggerKeyOf(string id) => new("broadcast-" + id, "broadcasts");
}
