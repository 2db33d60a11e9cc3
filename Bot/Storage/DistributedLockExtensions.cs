namespace ChatPost.Bot.Storage;

public static class DistributedLockExtensions
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Waits until the lock is ours, pausing with a growing delay between tries, or until
    /// <paramref name="cancellationToken"/> is cancelled (then throws <see cref="OperationCanceledException"/>).
    /// </summary>
    public static async Task<LockLease> AcquireAsync(this IDistributedLock locks, string name, TimeSpan timeToLive,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locks);
        var pause = FirstPause;
        while (true)
        {
            var lease = await locks.TryAcquireAsync(name, timeToLive, cancellationToken);
            if (lease is not null)
            {
                return lease;
            }

            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }
}
