using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Storage;

/// <summary>The 智能机器人's streams on Redis and in memory: the same claims, states and limits.</summary>
public sealed class AiRobotStreamsTests
{
    public static TheoryData<string> Implementations => ["redis", "memory"];

    // What runs a stream's turn again: the message, as the callback keeps it.
    private const string Turn = """{"msgid":"m1","from":{"userid":"u1"},"msgtype":"text","text":{"content":"进度"}}""";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task ClaimAsync_ConcurrentCopies_OneIsNewOthersSeeTheRunningStream(string implementation)
    {
        var sut = Create(implementation);
        var stream = new AiRobotStreamKey("zhangsan", "s1");

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => sut.ClaimAsync(stream, "busy", Turn, default)));

        Assert.Single(claims, claim => claim.Outcome == AiRobotClaimOutcome.New);
        Assert.All(claims.Where(claim => claim.Outcome != AiRobotClaimOutcome.New), claim =>
            Assert.Equal(new AiRobotStreamState(AiRobotStreamStatus.Running, ""), claim.State));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task UpdateThenFinish_RefreshesSeeTheSnapshotThenTheAnswerWithImages(string implementation)
    {
        var sut = Create(implementation);
        var stream = new AiRobotStreamKey("lisi", "s2");
        await sut.ClaimAsync(stream, "busy", Turn, default);

        await sut.UpdateAsync(stream, "一半", default);
        var running = await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default);
        var shown = await sut.FinishAsync(stream, "全部", "[{\"msgtype\":\"image\"}]", default);
        await sut.UpdateAsync(stream, "too late", default);
        var finished = await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default);
        var retried = await sut.ClaimAsync(stream, "busy", Turn, default);

        Assert.Equal(new AiRobotStreamState(AiRobotStreamStatus.Running, "一半"), running);
        Assert.True(shown);
        Assert.Equal(new AiRobotStreamState(AiRobotStreamStatus.Finished, "全部", "[{\"msgtype\":\"image\"}]"), finished);
        Assert.Equal(finished, retried.State);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task RefreshAsync_PastCloseAfter_ClosesTheStreamAndTheFinisherIsToldOnceToUseTheResponseUrl(string implementation)
    {
        var sut = Create(implementation);
        var stream = new AiRobotStreamKey("wangwu", "s3");
        await sut.ClaimAsync(stream, "busy", Turn, default);

        var early = await sut.RefreshAsync(stream, TimeSpan.FromSeconds(2), default);
        _time.Advance(TimeSpan.FromSeconds(3));
        var late = await sut.RefreshAsync(stream, TimeSpan.FromSeconds(2), default);
        var first = await sut.FinishAsync(stream, "答案", null, default);
        var second = await sut.FinishAsync(stream, "答案", null, default);
        var after = await sut.RefreshAsync(stream, TimeSpan.FromSeconds(2), default);

        Assert.Equal(AiRobotStreamStatus.Running, early!.Status);
        Assert.Equal(AiRobotStreamStatus.Closed, late!.Status);
        Assert.False(first);
        Assert.True(second);
        Assert.Equal(AiRobotStreamStatus.Closed, after!.Status);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task ClaimAsync_FourthStreamOfAUserInFlight_IsBusyUntilOneFinishesOrOutlivesWeComsWall(string implementation)
    {
        var sut = Create(implementation);
        var streams = Enumerable.Range(0, 5).Select(i => new AiRobotStreamKey("zhaoliu", "f" + i)).ToList();

        foreach (var stream in streams.Take(3))
        {
            Assert.Equal(AiRobotClaimOutcome.New, (await sut.ClaimAsync(stream, "busy", Turn, default)).Outcome);
        }

        var fourth = await sut.ClaimAsync(streams[3], "请稍后", Turn, default);
        var otherUser = await sut.ClaimAsync(new AiRobotStreamKey("someoneElse", "f3"), "busy", Turn, default);
        await sut.FinishAsync(streams[0], "done", null, default);
        var afterOneFinished = await sut.ClaimAsync(streams[4], "busy", Turn, default);
        _time.Advance(IAiRobotStreams.Lifetime);
        var afterTheWall = await sut.ClaimAsync(new AiRobotStreamKey("zhaoliu", "f5"), "busy", Turn, default);

        Assert.Equal(AiRobotClaimOutcome.Busy, fourth.Outcome);
        Assert.Equal(new AiRobotStreamState(AiRobotStreamStatus.Finished, "请稍后"), (await sut.ClaimAsync(streams[3], "busy", Turn, default)).State);
        Assert.Equal(AiRobotClaimOutcome.New, otherUser.Outcome);
        Assert.Equal(AiRobotClaimOutcome.New, afterOneFinished.Outcome);
        Assert.Equal(AiRobotClaimOutcome.New, afterTheWall.Outcome);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task RefreshAsync_NobodyKeptTheStreamForALease_OneRefreshTakesItsTurnOverWithTheMessage(string implementation)
    {
        var sut = Create(implementation);
        var stream = new AiRobotStreamKey("sunqi", "d1");
        await sut.ClaimAsync(stream, "busy", Turn, default);

        _time.Advance(IAiRobotStreams.OwnerLease - TimeSpan.FromMilliseconds(1));
        var alive = await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default)));
        _time.Advance(IAiRobotStreams.OwnerLease);
        var again = await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default);
        await sut.FinishAsync(stream, "答案", null, default);
        _time.Advance(IAiRobotStreams.OwnerLease);
        var finished = await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default);

        Assert.Null(alive!.Takeover);
        // The taker owns the stream for a lease of its own: the others see it running.
        var taken = Assert.Single(concurrent, state => state!.Takeover is not null);
        Assert.Equal(new AiRobotTakeover(Turn, 1), taken!.Takeover);
        Assert.Equal(AiRobotStreamStatus.Running, taken.Status);
        // The taker died too: taken over again, as the second attempt.
        Assert.Equal(new AiRobotTakeover(Turn, 2), again!.Takeover);
        Assert.Equal(new AiRobotStreamState(AiRobotStreamStatus.Finished, "答案"), finished);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task KeepAsync_WhileTheTurnRuns_NoRefreshTakesItOverAndAFinishedStreamNeedsNoKeeping(string implementation)
    {
        var sut = Create(implementation);
        var stream = new AiRobotStreamKey("zhouba", "k1");
        await sut.ClaimAsync(stream, "busy", Turn, default);

        var states = new List<AiRobotStreamState?>();
        var kept = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(IAiRobotStreams.OwnerLease / 2);
            kept.Add(await sut.KeepAsync(stream, default));
            _time.Advance(IAiRobotStreams.OwnerLease / 2);
            states.Add(await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default));
        }

        await sut.FinishAsync(stream, "答案", null, default);

        Assert.All(kept, Assert.True);
        Assert.All(states, state => Assert.Equal(new AiRobotStreamState(AiRobotStreamStatus.Running, ""), state));
        Assert.False(await sut.KeepAsync(stream, default));
        Assert.False(await sut.KeepAsync(new AiRobotStreamKey("nobody", "k2"), default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task RefreshAsync_DeadTurnPastCloseAfter_ClosedAndTakenOverAtOnceTheTakerToldToUseTheResponseUrl(string implementation)
    {
        var sut = Create(implementation);
        var stream = new AiRobotStreamKey("wujiu", "c1");
        await sut.ClaimAsync(stream, "busy", Turn, default);

        _time.Advance(TimeSpan.FromSeconds(21));
        var closing = await sut.RefreshAsync(stream, TimeSpan.FromSeconds(20), default);
        var shown = await sut.FinishAsync(stream, "答案", null, default);

        Assert.Equal(AiRobotStreamStatus.Closed, closing!.Status);
        Assert.Equal(new AiRobotTakeover(Turn, 1), closing.Takeover);
        Assert.False(shown);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task RefreshAndFinish_UnknownStream_NullAndNotShown(string implementation)
    {
        var sut = Create(implementation);
        var stream = new AiRobotStreamKey("nobody", "never");

        Assert.Null(await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default));
        Assert.False(await sut.FinishAsync(stream, "x", null, default));
    }

    private IAiRobotStreams Create(string implementation) => implementation == "memory"
        ? new MemoryAiRobotStreams(_time)
        : new RedisAiRobotStreams(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() })), _time);
}
