namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// After start, makes sure every broadcast that is still scheduled in storage has its trigger: the in-memory
/// Quartz store forgets triggers on restart, and a broadcast must not. Retries until storage answers, so a Redis
/// outage at start delays this instead of failing the start.
/// </summary>
public sealed class BroadcastScheduleRestorer(IBroadcastStore store, BroadcastScheduler scheduler, TimeProvider time,
    ILogger<BroadcastScheduleRestorer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (id, at) in await store.ScheduledAsync(stoppingToken))
                {
                    await scheduler.ScheduleAsync(id, at, stoppingToken);
                }

                return;
            }
            catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
            {
                logger.ScheduleRestoreFailed(exception);
                await Task.Delay(RetryAfter, time, stoppingToken);
            }
        }
    }
}
