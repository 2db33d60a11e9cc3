namespace ChatPost.Bot.Storage;

/// <summary>
/// The tokens that tell one holder of a lock from another: unique across replicas and restarts (a random prefix per
/// instance, then a count), not secret — only ChatPost writes its Redis. Every turn's entry makes one, so it is cheap: a
/// GUID apiece read the system's random source (~0.5 µs).
/// </summary>
internal sealed class LockTokens
{
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..16];
    private long _issued;

    public string Next() => $"{_prefix}{Interlocked.Increment(ref _issued):x}";
}
