using Quartz;

namespace ChatPost.Bot.Broadcasts;

/// <summary>Releases a timed broadcast to delivery when its time comes (idempotent: a second firing finds it released).</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledBroadcastJob(IBroadcastStore store) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MergedJobDataMap.GetString(BroadcastScheduler.BroadcastIdKey) is { Length: > 0 } id)
        {
            await store.ReleaseAsync(id, cancellationToken);
        }
    }
}
