using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Decides who releases a user's turn lock that the callback took on its way in: the callback, together with the
/// reply (one round trip), when the turn ended before the callback answered; otherwise the turn, when it ends.
/// Both sides report once, in either order; exactly one of them gets the lease.
/// </summary>
internal sealed class TurnLockHandOff(LockLease lease)
{
    private const int Running = 0;
    private const int TurnEnded = 1;
    private const int CallerAnswered = 2;

    private int _state;

    /// <summary>The turn has ended. Returns the lease when the callback has answered already: release it now.</summary>
    public LockLease? OnTurnEnded() => Interlocked.CompareExchange(ref _state, TurnEnded, Running) == CallerAnswered ? lease : null;

    /// <summary>The callback answers. Returns the lease when the turn has ended: release it with the reply.</summary>
    public LockLease? OnCallerAnswered() => Interlocked.CompareExchange(ref _state, CallerAnswered, Running) == TurnEnded ? lease : null;
}
