using Microsoft.Bot.Builder;
using Microsoft.Extensions.Caching.Memory;

namespace ChatPost.Bot.Storage;

/// <summary>The embedded twin of <see cref="RedisTurnGate"/>: the same claims, stamps and turn locks, in this process.</summary>
/// <param name="stamps">Where a user's message is stamped for their notifications; null: nowhere (no notifications).</param>
/// <param name="storage">Where the conversations' state is, to tell a turn whose conversation has none; null: not told.</param>
public sealed class MemoryTurnGate(IDistributedLock locks, IUserMessageStamp? stamps = null, TimeProvider? time = null, IStorage? storage = null)
    : ITurnGate, IDisposable
{
    private readonly MemoryCache _replies = new(new MemoryCacheOptions());
    private readonly Lock _claimLock = new();

    /// <inheritdoc/>
    /// <remarks>
    /// Lookups cost no round trip here: nothing is read ahead. A message answered in one step takes the user's lock here too:
    /// a lock in memory costs nothing worth saving.
    /// </remarks>
    public async Task<TurnEntry> EnterAsync(TurnKeys turn, IReadOnlyList<string> trackingNumbers, bool inOneStep, CancellationToken cancellationToken)
    {
        var key = Key(turn);
        lock (_claimLock)
        {
            if (_replies.TryGetValue(key, out string? value))
            {
                return new TurnEntry(false, value == TurnGateTimes.Pending ? null : value);
            }

            _replies.Set(key, TurnGateTimes.Pending, TurnGateTimes.Claim);
        }

        var waiting = turn.UserWrote && stamps is not null && stamps.Stamp(turn.UserId, (time ?? TimeProvider.System).GetUtcNow());
        var lease = await locks.TryAcquireAsync(turn.LockName, TurnGateTimes.TurnLock, cancellationToken);
        var answerInOneStep = inOneStep && lease is not null && storage is not null
            && (await storage.ReadAsync([turn.ConversationStateKey], cancellationToken)).Count == 0;
        return new TurnEntry(true, null, lease, waiting, answerInOneStep);
    }

    /// <inheritdoc/>
    public async Task LeaveAsync(TurnKeys turn, string reply, LockLease? lease, CancellationToken cancellationToken)
    {
        _replies.Set(Key(turn), reply, TurnGateTimes.Reply);
        if (lease is not null)
        {
            await lease.DisposeAsync();
        }
    }

    /// <inheritdoc/>
    public Task<string?> GetReplyAsync(TurnKeys turn, CancellationToken cancellationToken)
    {
        var value = _replies.Get<string>(Key(turn));
        return Task.FromResult(value == TurnGateTimes.Pending ? null : value);
    }

    public void Dispose() => _replies.Dispose();

    private static string Key(TurnKeys turn) => $"{turn.ChannelId}:{turn.UserId}:{turn.DedupeKey}";
}
