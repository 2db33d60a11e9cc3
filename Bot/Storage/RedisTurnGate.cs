using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// <see cref="ITurnGate"/> on Redis, shared by every replica: one script on the way in (claim, the time of the user's message
/// in their notification record, turn lock, the conversation's state for <see cref="RedisStorage"/>, and the lookup quota
/// when the message names tracking numbers, whose shipments are read in the same round trip), one on the way out (reply and
/// lock release). A message answered in one step whose user has no stored state and no running turn takes no lock: its
/// way out is the reply alone. The user's state is not read ahead: only greetings and follows read it, and its read would cost every
/// other turn a command in Redis. The stamp costs a message one command (an <c>EXISTS</c> that finds nothing; for a message
/// answered in one step, the same that finds no lock and no state) unless the user watches items; then three.
/// </summary>
public sealed class RedisTurnGate(RedisConnection redis, RedisDistributedLock locks, PrefetchedState prefetched, TimeProvider time) : ITurnGate
{
    // KEYS: reply, turn lock, conversation state, the user's notification record, and the lookup quota's window when
    // lookups are expected. ARGV: pending marker, claim ms, lock token, lock ms, the message's time (Unix ms; '' for an event),
    // '1' when the message is answered in one step (then lookups are expected) if its conversation has no state.
    // Returns {0, value} for a later copy (the reply or the pending marker), {1, waiting} for the first copy when another
    // turn of the user holds the lock, {2, waiting, eTag, json, quota used} for the first copy holding the lock (nil: no
    // state, or no quota taken), {3, waiting, quota used} for the first copy let in to answer in one step without the lock
    // (neither a lock nor a state: no turn of the user runs, and the answer touches no state); waiting is 1 when
    // notifications wait for the user's message (UserWatches).
    // The campaign's bulk is a one-step question from a user with no lock, no state and no notification record: the claim
    // and its check are one SET ... NX GET, and one EXISTS finds all three keys absent (Redis runs each call of a script as
    // a command of its own; BENCHMARKS.md, "Fewer calls into Redis's scripts and into OpenSSL").
    private const string EnterScript = """
        local value = redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX', 'GET')
        if value then return {0, value} end
        local others = 1
        if ARGV[6] == '1' then others = redis.call('EXISTS', KEYS[2], KEYS[3], KEYS[4]) end
        local waiting = 0
        if others > 0 and ARGV[5] ~= '' and redis.call('EXISTS', KEYS[4]) == 1 then
          redis.call('HSET', KEYS[4], 'seen', ARGV[5], 'sent', 0)
          waiting = redis.call('HEXISTS', KEYS[4], 'deferred')
        end
        local window = KEYS[5]
        if ARGV[6] == '1' and (others == 0 or redis.call('EXISTS', KEYS[2], KEYS[3]) == 0) then
        """ + "\n" + RedisLookupQuota.TakeLua + "\n" + """
          return {3, waiting, used}
        end
        if not redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4], 'NX') then return {1, waiting} end
        local conversation = redis.call('HMGET', KEYS[3], 'e', 'v')
        if not window then return {2, waiting, conversation[1], conversation[2]} end
        """ + "\n" + RedisLookupQuota.TakeLua + "\n" + """
        return {2, waiting, conversation[1], conversation[2], used}
        """;

    // KEYS: reply, turn lock. ARGV: reply, reply ms, lock token. The lock is deleted only while it is still ours.
    private const string LeaveScript = """
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
        return 1
        """;

    private static readonly RedisValue ClaimMilliseconds = (long)TurnGateTimes.Claim.TotalMilliseconds;
    private static readonly RedisValue LockMilliseconds = (long)TurnGateTimes.TurnLock.TotalMilliseconds;
    private static readonly RedisValue ReplyMilliseconds = (long)TurnGateTimes.Reply.TotalMilliseconds;

    /// <inheritdoc/>
    public async Task<TurnEntry> EnterAsync(TurnKeys turn, IReadOnlyList<string> trackingNumbers, bool inOneStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trackingNumbers);
        inOneStep &= trackingNumbers.Count > 0;
        var token = locks.NewToken();
        var conversationKey = turn.ConversationStateKey;
        RedisKey? quotaWindow = trackingNumbers.Count == 0 ? (RedisKey?)null : RedisLookupQuota.Window(turn.UserId, time);
        var notifications = RedisKeys.Notifications(turn.UserId);
        RedisKey[] keys = quotaWindow is { } window
            ? [RedisKeys.Reply(turn), RedisKeys.Lock(turn.LockName), RedisKeys.State(conversationKey), notifications, window]
            : [RedisKeys.Reply(turn), RedisKeys.Lock(turn.LockName), RedisKeys.State(conversationKey), notifications];
        RedisValue[] values = [TurnGateTimes.Pending, ClaimMilliseconds, token, LockMilliseconds,
            turn.UserWrote ? time.GetUtcNow().ToUnixTimeMilliseconds() : RedisValue.EmptyString, inOneStep ? 1 : 0];
        Task<RedisResult> entering;
        (string, Task<RedisValue[]>)[] shipments = [];
        if (quotaWindow is null)
        {
            entering = redis.Database.ScriptEvaluateAsync(EnterScript, keys, values);
        }
        else
        {
            // The shipments live under another hash tag than the user's keys, so they cannot join the script; sent in the
            // same batch they still cost no round trip of their own.
            var batch = redis.Database.CreateBatch();
            entering = batch.ScriptEvaluateAsync(EnterScript, keys, values);
            shipments = [.. trackingNumbers.Select(number => (number, batch.HashGetAsync(RedisKeys.Shipment(number), RedisKeys.ShipmentSummary)))];
            batch.Execute();
        }

        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await entering)!;
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            // The turn goes on as in an outage; if Redis runs the script once it wakes, its lock must not outlive that.
            locks.Undo(turn.LockName, token);
            throw;
        }

        switch ((int)result[0])
        {
            case 0:
                var value = (string?)result[1];
                return new TurnEntry(false, value == TurnGateTimes.Pending ? null : value);
            case 1:
                return new TurnEntry(true, null, NotificationsWaiting: (long)result[1] == 1);
            case 3:
                PutLookups(turn, quotaWindow!.Value, (long)result[2], shipments);
                return new TurnEntry(true, null, NotificationsWaiting: (long)result[1] == 1, InOneStep: true);
            default:
                prefetched.Put(conversationKey, new PrefetchedState.Item((string?)result[2], (string?)result[3]));
                if (quotaWindow is { } taken)
                {
                    PutLookups(turn, taken, (long)result[4], shipments);
                }

                return new TurnEntry(true, null, locks.Adopt(turn.LockName, token, () => Forget(turn)), NotificationsWaiting: (long)result[1] == 1,
                    InOneStep: inOneStep && result[3].IsNull);
        }
    }

    /// <summary>
    /// Keeps what was read for the turn's lookups. Another turn of the user in this process may hold its own (a message
    /// answered in one step takes no lock): then this turn gives its unit back and reads for itself.
    /// </summary>
    private void PutLookups(TurnKeys turn, RedisKey quotaWindow, long quotaUsed, (string, Task<RedisValue[]>)[] shipments)
    {
        if (!prefetched.TryPutLookups(turn.UserId, turn.DedupeKey, quotaWindow, quotaUsed, shipments))
        {
            RedisLookupQuota.GiveBack(redis.Database, quotaWindow);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Sent without waiting for Redis's answer (fire and forget), so that the answer to WeChat does not wait for it. One
    /// connection keeps its commands in order: whatever this process sends next for the user finds the reply stored and
    /// the lock free. A failure goes unreported: the lock then expires, and a retry is answered "no reply", as for a
    /// turn that Redis lost in a crash. (Once Redis lost its script cache, the next entry script meets NOSCRIPT, and
    /// the client then sends every script in full again; only closing scripts sent before that are lost.)
    /// </remarks>
    public Task LeaveAsync(TurnKeys turn, string reply, LockLease? lease, CancellationToken cancellationToken)
    {
        if (lease is null || !lease.TryHandOverRelease())
        {
            // A turn without a lease held none, or one whose turn ran late and releases it later: only what was read for
            // this turn's own lookups goes (a one-step answer's).
            ForgetLookups(turn);
            return redis.Database.StringSetAsync(RedisKeys.Reply(turn), reply, TurnGateTimes.Reply, flags: CommandFlags.FireAndForget);
        }

        Forget(turn);
        return redis.Database.ScriptEvaluateAsync(LeaveScript, [RedisKeys.Reply(turn), RedisKeys.Lock(lease.Name)],
            [reply, ReplyMilliseconds, lease.Token], CommandFlags.FireAndForget);
    }

    private void Forget(TurnKeys turn)
    {
        prefetched.Forget(turn.ConversationStateKey);
        ForgetLookups(turn);
    }

    private void ForgetLookups(TurnKeys turn)
    {
        if (prefetched.ForgetLookups(turn.UserId, turn.DedupeKey) is { } unusedQuota)
        {
            RedisLookupQuota.GiveBack(redis.Database, unusedQuota);
        }
    }

    /// <inheritdoc/>
    public async Task<string?> GetReplyAsync(TurnKeys turn, CancellationToken cancellationToken)
    {
        var value = (string?)await redis.Database.StringGetAsync(RedisKeys.Reply(turn));
        return value == TurnGateTimes.Pending ? null : value;
    }
}
