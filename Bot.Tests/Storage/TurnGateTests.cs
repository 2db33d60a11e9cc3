using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Storage;

public class TurnGateTests
{
    public static TheoryData<string> Implementations => ["redis", "memory"];

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task EnterAsync_ConcurrentCopies_OneIsFirstOthersSeePendingThenReply(string implementation)
    {
        var sut = Create(implementation).Gate;
        var turn = new TurnKeys("mp", "oUser", "123");

        var entries = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sut.EnterAsync(turn, [], false, default)));
        var whilePending = await sut.GetReplyAsync(turn, default);
        await sut.LeaveAsync(turn, "<xml>reply</xml>", entries.Single(entry => entry.IsFirst).Lease, default);
        var later = await sut.EnterAsync(turn, [], false, default);

        Assert.Single(entries, entry => entry.IsFirst);
        Assert.All(entries.Where(entry => !entry.IsFirst), entry => Assert.Null(entry.Reply));
        Assert.Null(whilePending);
        Assert.Equal(new TurnEntry(false, "<xml>reply</xml>"), later);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task LeaveAsync_EmptyReply_IsAReplyNotPending(string implementation)
    {
        var sut = Create(implementation).Gate;
        var turn = new TurnKeys("wecom", "zhangsan", "9");
        var entry = await sut.EnterAsync(turn, [], false, default);

        await sut.LeaveAsync(turn, "", entry.Lease, default);

        Assert.Equal("", await sut.GetReplyAsync(turn, default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task EnterAsync_FirstCopy_HoldsTheUsersTurnLockUntilItLeaves(string implementation)
    {
        var (sut, locks, _, _) = Create(implementation);
        var first = new TurnKeys("mp", "oBusy", "1");
        var second = first with { DedupeKey = "2" };
        var otherUser = first with { UserId = "oOther", DedupeKey = "3" };

        var entered = await sut.EnterAsync(first, [], false, default);
        var whileHeld = await sut.EnterAsync(second, [], false, default);
        var someoneElse = await sut.EnterAsync(otherUser, [], false, default);
        var lockWhileHeld = await locks.TryAcquireAsync(first.LockName, TimeSpan.FromSeconds(5), default);
        await sut.LeaveAsync(first, "<xml>1</xml>", entered.Lease, default);
        var lockAfterwards = await locks.TryAcquireAsync(first.LockName, TimeSpan.FromSeconds(5), default);

        Assert.NotNull(entered.Lease);
        Assert.True(whileHeld.IsFirst);
        Assert.Null(whileHeld.Lease); // its turn must wait for the lock under LockName
        Assert.NotNull(someoneElse.Lease);
        Assert.Null(lockWhileHeld);
        Assert.NotNull(lockAfterwards);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task EnterAsync_InOneStep_ConversationWithNoState_IsLetInToAnswerSo(string implementation)
    {
        var sut = Create(implementation).Gate;
        var turn = new TurnKeys("mp", "oNew", "41");

        var entry = await sut.EnterAsync(turn, ["EA123456785CN"], true, default);
        await sut.LeaveAsync(turn, "<xml>1</xml>", entry.Lease, default);
        var next = await sut.EnterAsync(turn with { DedupeKey = "42" }, ["EA123456785CN"], true, default);
        await sut.LeaveAsync(turn with { DedupeKey = "42" }, "<xml>2</xml>", next.Lease, default);

        Assert.True(entry is { IsFirst: true, InOneStep: true });
        Assert.True(next is { IsFirst: true, InOneStep: true });
        Assert.Equal("<xml>1</xml>", await sut.GetReplyAsync(turn, default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task EnterAsync_InOneStep_ConversationWithStoredState_TakesTheLockForTheTurn(string implementation)
    {
        var (sut, locks, storage, _) = Create(implementation);
        var turn = new TurnKeys("mp", "oKnown", "43");
        await storage.WriteAsync(new Dictionary<string, object> { [turn.ConversationStateKey] = new JObject { ["topic"] = "invoice" } }, default);

        var entry = await sut.EnterAsync(turn, ["EA123456785CN"], true, default);
        var lockMeanwhile = await locks.TryAcquireAsync(turn.LockName, TimeSpan.FromSeconds(5), default);
        await sut.LeaveAsync(turn, "<xml/>", entry.Lease, default);

        Assert.False(entry.InOneStep);
        Assert.NotNull(entry.Lease);
        Assert.Null(lockMeanwhile);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task EnterAsync_InOneStep_WhileATurnOfTheUserRuns_WaitsForItsLock(string implementation)
    {
        var sut = Create(implementation).Gate;
        var running = new TurnKeys("mp", "oMidTurn", "44");
        var question = running with { DedupeKey = "45" };

        var first = await sut.EnterAsync(running, [], false, default);
        var entry = await sut.EnterAsync(question, ["EA123456785CN"], true, default);
        await first.Lease!.DisposeAsync();

        Assert.True(entry.IsFirst);
        Assert.False(entry.InOneStep); // a turn then waits for the lock under LockName
        Assert.Null(entry.Lease);
    }

    [Fact]
    public async Task EnterAsync_OnRedis_InOneStep_TakesNoLock_AndLeavingForgetsItsLookupsAndGivesBackTheUnusedUnit()
    {
        var (sut, redis, prefetch, _) = CreateWithLookups(perMinute: 5);
        var turn = new TurnKeys("mp", "oQuick", "46");

        var entry = await sut.EnterAsync(turn, ["EA123456785CN"], true, default);
        var locked = await redis.Database.KeyExistsAsync(RedisKeys.Lock(turn.LockName));
        var held = prefetch.Count;
        await sut.LeaveAsync(turn, "<xml/>", entry.Lease, default);
        var used = (long)await redis.Database.StringGetAsync(RedisLookupQuota.Window("oQuick", TimeProvider.System));

        Assert.True(entry is { IsFirst: true, InOneStep: true, Lease: null });
        Assert.False(locked);
        Assert.Equal(2, held); // the lookups and the shipment: no conversation state is read for a one-step answer
        Assert.Equal(0, prefetch.Count);
        Assert.Equal(0, used); // given back: the answer looked nothing up
        Assert.Equal("<xml/>", await sut.GetReplyAsync(turn, default));
    }

    [Fact]
    public async Task EnterAsync_OnRedis_TwoQuestionsOfOneUserInOneStepAtOnce_EachCountsItsOwnUnit()
    {
        var (sut, redis, prefetch, quota) = CreateWithLookups(perMinute: 5);
        var first = new TurnKeys("mp", "oTwice", "47");
        var second = first with { DedupeKey = "48" };
        var window = RedisLookupQuota.Window("oTwice", TimeProvider.System);

        var firstEntry = await sut.EnterAsync(first, ["EA123456785CN"], true, default);
        var secondEntry = await sut.EnterAsync(second, ["EA123456785CN"], true, default);
        var usedOnEntering = (long)await redis.Database.StringGetAsync(window);
        Assert.True(await quota.TryTakeAsync("oTwice", default)); // one answer's lookup: the unit taken on the way in
        Assert.True(await quota.TryTakeAsync("oTwice", default)); // the other's: a unit of its own
        await sut.LeaveAsync(second, "<xml>2</xml>", secondEntry.Lease, default);
        await sut.LeaveAsync(first, "<xml>1</xml>", firstEntry.Lease, default);
        var usedAfterwards = (long)await redis.Database.StringGetAsync(window);

        Assert.True(firstEntry.InOneStep && secondEntry.InOneStep);
        Assert.Equal(1, usedOnEntering); // the second's unit went back: only one turn of a user keeps what was read for it
        Assert.Equal(2, usedAfterwards);
        Assert.Equal(0, prefetch.Count);
    }

    [Fact]
    public async Task EnterAsync_OnRedis_ReadsTheConversationStateThatTheTurnsFirstReadThenGets()
    {
        var (sut, _, storage, prefetch) = Create("redis");
        var turn = new TurnKeys("mp", "oState", "7");
        var stateKey = turn.ConversationStateKey;
        await storage.WriteAsync(new Dictionary<string, object> { [stateKey] = new JObject { ["topic"] = "invoice" } }, default);

        var entry = await sut.EnterAsync(turn, [], false, default);
        await storage.WriteAsync(new Dictionary<string, object> { ["mp/conversations/oElse"] = new JObject { ["topic"] = "x" } }, default);
        var prefetched = prefetch.Count;
        var read = await storage.ReadAsync([stateKey, "mp/conversations/oElse"], default);
        var afterRead = prefetch.Count;
        await sut.LeaveAsync(turn, "<xml/>", entry.Lease, default);
        var afterLeave = prefetch.Count;

        Assert.Equal(1, prefetched); // the conversation's state; the user's is read only by the turns that need it
        Assert.Equal(0, afterRead); // served once, then gone
        Assert.Equal(0, afterLeave);
        Assert.Equal("invoice", ((IDictionary<string, object>)read[stateKey])["topic"]);
        Assert.False(string.IsNullOrEmpty((string?)((IDictionary<string, object>)read[stateKey])["eTag"]));
        Assert.Equal("x", ((IDictionary<string, object>)read["mp/conversations/oElse"])["topic"]);
    }

    [Fact]
    public async Task Lease_ReleasedByALateTurn_ForgetsWhatTheTurnDidNotRead()
    {
        var (sut, _, _, prefetch) = Create("redis");
        var turn = new TurnKeys("mp", "oLate", "8");

        var entry = await sut.EnterAsync(turn, ["EA123456785CN"], false, default);
        var prefetched = prefetch.Count;
        await entry.Lease!.DisposeAsync();

        Assert.Equal(3, prefetched); // the conversation's state, the lookups and the shipment
        Assert.Equal(0, prefetch.Count);
    }

    [Fact]
    public async Task EnterAsync_OnRedis_WithTrackingNumbers_TakesOneQuotaUnitAndReadsTheShipmentsForTheTurn()
    {
        var (sut, redis, prefetch, quota) = CreateWithLookups(perMinute: 5);
        await redis.Database.HashSetAsync(RedisKeys.Shipment("EA123456785CN"), [new("n", 2), new("l", "{}")]);
        var turn = new TurnKeys("mp", "oLooker", "21");

        var entry = await sut.EnterAsync(turn, ["EA123456785CN", "EB000000000CN"], false, default);
        var used = (long)await redis.Database.StringGetAsync(RedisLookupQuota.Window("oLooker", TimeProvider.System));
        var allowed = await quota.TryTakeAsync("oLooker", default);
        var usedAfterTake = (long)await redis.Database.StringGetAsync(RedisLookupQuota.Window("oLooker", TimeProvider.System));
        Assert.True(prefetch.TryTakeShipment("EA123456785CN", out var known));
        Assert.True(prefetch.TryTakeShipment("EB000000000CN", out var unknown));
        await sut.LeaveAsync(turn, "<xml/>", entry.Lease, default);

        Assert.Equal(1, used);
        Assert.True(allowed);
        Assert.Equal(1, usedAfterTake); // the turn's own take cost nothing more
        Assert.Equal("2", (string?)(await known)[0]);
        Assert.True((await unknown)[0].IsNull);
        Assert.Equal(0, prefetch.Count);
    }

    [Fact]
    public async Task EnterAsync_OnRedis_QuotaUnitTheTurnDidNotUse_IsGivenBackWhenItLeaves()
    {
        var (sut, redis, prefetch, _) = CreateWithLookups(perMinute: 5);
        var turn = new TurnKeys("mp", "oWrongGuess", "22");

        var entry = await sut.EnterAsync(turn, ["EA123456785CN"], false, default);
        await sut.LeaveAsync(turn, "<xml/>", entry.Lease, default);
        var window = RedisLookupQuota.Window("oWrongGuess", TimeProvider.System);
        var used = (long)await redis.Database.StringGetAsync(window); // after the give-back: one connection keeps the order

        Assert.Equal(0, used);
        Assert.Equal(0, prefetch.Count);
        Assert.True(await redis.Database.KeyTimeToLiveAsync(window) is { } ttl && ttl > TimeSpan.Zero); // still expiring
    }

    [Fact]
    public async Task EnterAsync_OnRedis_LaterCopyOrBusyUser_TakesNoQuota()
    {
        var (sut, redis, prefetch, _) = CreateWithLookups(perMinute: 5);
        var turn = new TurnKeys("mp", "oBusy", "23");
        var first = await sut.EnterAsync(turn, ["EA123456785CN"], false, default);

        var retry = await sut.EnterAsync(turn, ["EA123456785CN"], false, default);
        var nextWhileBusy = await sut.EnterAsync(turn with { DedupeKey = "24" }, ["EA123456785CN"], false, default);
        var used = (long)await redis.Database.StringGetAsync(RedisLookupQuota.Window("oBusy", TimeProvider.System));

        Assert.False(retry.IsFirst);
        Assert.True(nextWhileBusy.IsFirst);
        Assert.Null(nextWhileBusy.Lease);
        Assert.Equal(1, used); // the first copy's only
        Assert.Equal(3, prefetch.Count); // the first copy's state, lookups and shipment
        await first.Lease!.DisposeAsync();
    }

    [Fact]
    public async Task LeaveAsync_OnRedis_AfterRedisLostItsScripts_StillFreesTheLockOnceAnEntryReloadedThem()
    {
        // A server of its own: flushing the shared one's scripts would lose other tests' closing scripts.
        using var server = new PrivateRedisServer();
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(server.Configuration + ",allowAdmin=true");
        var redis = new RedisConnection(multiplexer, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() }));
        var sut = new RedisTurnGate(redis, new RedisDistributedLock(redis), new PrefetchedState(), TimeProvider.System);
        var turn = new TurnKeys("mp", "oFlushed", "31");
        var first = await sut.EnterAsync(turn, [], false, default);
        await sut.LeaveAsync(turn, "<xml>1</xml>", first.Lease, default);

        await multiplexer.GetServers()[0].ScriptFlushAsync(); // what a restart or a failover does
        var next = turn with { DedupeKey = "32" };
        var second = await sut.EnterAsync(next, [], false, default);
        await sut.LeaveAsync(next, "<xml>2</xml>", second.Lease, default); // not waited for
        var third = await sut.EnterAsync(turn with { DedupeKey = "33" }, [], false, default);

        Assert.NotNull(second.Lease);
        Assert.NotNull(third.Lease); // the lock was freed: the closing script was not lost to NOSCRIPT
        Assert.Equal("<xml>2</xml>", await sut.GetReplyAsync(next, default));
        await third.Lease!.DisposeAsync();
    }

    [Fact]
    public async Task LeaveAsync_OnRedis_KeepsTheReplyThroughWeChatsRetriesButNotForLong()
    {
        var options = Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() });
        var redis = new RedisConnection(TestRedis.Connection, options);
        var sut = new RedisTurnGate(redis, new RedisDistributedLock(redis), new PrefetchedState(), TimeProvider.System);
        var turn = new TurnKeys("mp", "oTtl", "11");
        var entry = await sut.EnterAsync(turn, [], false, default);

        await sut.LeaveAsync(turn, "<xml>answer</xml>", entry.Lease, default);
        var kept = await redis.Database.KeyTimeToLiveAsync(RedisKeys.Reply(turn));

        // WeChat retries within ~15 s and the claim of a running turn lives 30 s; a reply must outlive both,
        // and every answer held longer only costs Redis memory.
        Assert.InRange(kept!.Value, TurnGateTimes.Claim, TimeSpan.FromMinutes(1));
    }

    private static Parts Create(string implementation)
    {
        if (implementation == "memory")
        {
            var memoryLocks = new MemoryDistributedLock(TimeProvider.System);
            var memoryStorage = new MemoryStorage();
            return new Parts(new MemoryTurnGate(memoryLocks, storage: memoryStorage), memoryLocks, memoryStorage, new PrefetchedState());
        }

        var options = Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() });
        var redis = new RedisConnection(TestRedis.Connection, options);
        var prefetched = new PrefetchedState();
        var locks = new RedisDistributedLock(redis);
        return new Parts(new RedisTurnGate(redis, locks, prefetched, TimeProvider.System), locks, new RedisStorage(redis, prefetched, options,
            NullLogger<RedisStorage>.Instance), prefetched);
    }

    private static (RedisTurnGate Gate, RedisConnection Redis, PrefetchedState Prefetched, RedisLookupQuota Quota) CreateWithLookups(int perMinute)
    {
        var redis = new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() }));
        var prefetched = new PrefetchedState();
        var quota = new RedisLookupQuota(redis, prefetched, Options.Create(new LookupQuotaOptions { PerMinute = perMinute }), TimeProvider.System);
        return (new RedisTurnGate(redis, new RedisDistributedLock(redis), prefetched, TimeProvider.System), redis, prefetched, quota);
    }

    private sealed record Parts(ITurnGate Gate, IDistributedLock Locks, IStorage Storage, PrefetchedState Prefetched);
}
