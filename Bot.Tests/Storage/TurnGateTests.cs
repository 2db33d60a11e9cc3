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

        var entries = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sut.EnterAsync(turn, [], default)));
        var whilePending = await sut.GetReplyAsync(turn, default);
        await sut.LeaveAsync(turn, "<xml>reply</xml>", entries.Single(entry => entry.IsFirst).Lease, default);
        var later = await sut.EnterAsync(turn, [], default);

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
        var entry = await sut.EnterAsync(turn, [], default);

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

        var entered = await sut.EnterAsync(first, [], default);
        var whileHeld = await sut.EnterAsync(second, [], default);
        var someoneElse = await sut.EnterAsync(otherUser, [], default);
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

    [Fact]
    public async Task EnterAsync_OnRedis_ReadsTheConversationStateThatTheTurnsFirstReadThenGets()
    {
        var (sut, _, storage, prefetch) = Create("redis");
        var turn = new TurnKeys("mp", "oState", "7");
        var stateKey = turn.ConversationStateKey;
        await storage!.WriteAsync(new Dictionary<string, object> { [stateKey] = new JObject { ["topic"] = "invoice" } }, default);

        var entry = await sut.EnterAsync(turn, [], default);
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

        var entry = await sut.EnterAsync(turn, ["EA123456785CN"], default);
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

        var entry = await sut.EnterAsync(turn, ["EA123456785CN", "EB000000000CN"], default);
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

        var entry = await sut.EnterAsync(turn, ["EA123456785CN"], default);
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
        var first = await sut.EnterAsync(turn, ["EA123456785CN"], default);

        var retry = await sut.EnterAsync(turn, ["EA123456785CN"], default);
        var nextWhileBusy = await sut.EnterAsync(turn with { DedupeKey = "24" }, ["EA123456785CN"], default);
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
        var first = await sut.EnterAsync(turn, [], default);
        await sut.LeaveAsync(turn, "<xml>1</xml>", first.Lease, default);

        await multiplexer.GetServers()[0].ScriptFlushAsync(); // what a restart or a failover does
        var next = turn with { DedupeKey = "32" };
        var second = await sut.EnterAsync(next, [], default);
        await sut.LeaveAsync(next, "<xml>2</xml>", second.Lease, default); // not waited for
        var third = await sut.EnterAsync(turn with { DedupeKey = "33" }, [], default);

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
        var entry = await sut.EnterAsync(turn, [], default);

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
            return new Parts(new MemoryTurnGate(memoryLocks), memoryLocks, null, new PrefetchedState());
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

    private sealed record Parts(ITurnGate Gate, IDistributedLock Locks, IStorage? Storage, PrefetchedState Prefetched);
}
