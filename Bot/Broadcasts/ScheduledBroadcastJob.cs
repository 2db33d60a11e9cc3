using Quartz;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// Releases a timed broadcast to delivery when its time comes, after the policy is checked again (idempotent: a
/// second firing finds it released).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledBroadcastJob(BroadcastService broadcasts) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MergedJobDataMap.GetString(BroadcastScheduler.BroadcastIdKey) is { Length: > 0 } id)
        {
            await broadcasts.ReleaseAsync(id, cancellationToken);
        }
    }
}
