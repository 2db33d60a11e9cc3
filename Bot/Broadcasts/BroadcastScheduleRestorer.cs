namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// At start, makes sure every broadcast that is still scheduled in storage has its trigger: the in-memory
/// Quartz store forgets triggers on restart, and a broadcast must not.
/// </summary>
public sealed class BroadcastScheduleRestorer(IBroadcastStore store, BroadcastScheduler scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, at) in await store.ScheduledAsync(cancellationToken))
        {
            await scheduler.ScheduleAsync(id, at, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
