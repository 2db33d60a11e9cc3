namespace ChatPost.Bot.Storage;

/// <summary>
/// A lock shared by every replica (Redis) or, in the embedded mode, by this process. Leases expire by
/// themselves after their time-to-live, so a crashed holder never blocks others for longer than that.
/// </summary>
public interface IDistributedLock
{
    /// <summary>
    /// Tries once to take the lock <paramref name="name"/> for <paramref name="timeToLive"/>.
    /// Returns <see langword="null"/> at once when someone else holds it.
    /// </summary>
    Task<LockLease?> TryAcquireAsync(string name, TimeSpan timeToLive, CancellationToken cancellationToken);
}
