namespace ChatPost.Bot.Storage;

/// <summary>
/// A held lock. Disposing releases it, but only if it is still ours: a lease that outlived its
/// time-to-live and was taken over by someone else is left alone (compare-and-delete).
/// </summary>
public sealed class LockLease(string name, string token, Func<string, string, Task> release) : IAsyncDisposable
{
    private int _released;

    public string Name => name;

    /// <summary>The random value that identifies this holder.</summary>
    public string Token => token;

    /// <summary>
    /// Marks the lease released by someone who releases it otherwise (inside a script that does more); false when it
    /// was released already. Disposing it afterwards does nothing.
    /// </summary>
    internal bool TryHandOverRelease() => Interlocked.Exchange(ref _released, 1) == 0;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            await release(name, token);
        }
    }
}
