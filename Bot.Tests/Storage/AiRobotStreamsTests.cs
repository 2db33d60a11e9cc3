using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Storage;

/// <summary>The 智能机器人's streams on Redis and in memory: the same claims, states and limits.</summary>
public sealed class AiRobotStreamsTests
{
    public static TheoryData<string> Implementations => ["redis", "memory"];

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task ClaimAsync_ConcurrentCopies_OneIsNewOthersSeeTheRunningStream(string implementation)
    {
        var sut = Create(implementation);
        var stream = new AiRobotStreamKey("zhangsan", "s1");

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => sut.ClaimAsync(stream, "busy", default)));

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
        await sut.ClaimAsync(stream, "busy", default);

        await sut.UpdateAsync(stream, "一半", default);
        var running = await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default);
        var shown = await sut.FinishAsync(stream, "全部", "[{\"msgtype\":\"image\"}]", default);
        await sut.UpdateAsync(stream, "too late", default);
        var finished = await sut.RefreshAsync(stream, TimeSpan.FromMinutes(5), default);
        var retried = await sut.ClaimAsync(stream, "busy", default);

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
        await sut.ClaimAsync(stream, "busy", default);

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
            Assert.Equal(AiRobotClaimOutcome.New, (await sut.ClaimAsync(stream, "busy", default)).Outcome);
        }

        var fourth = await sut.ClaimAsync(streams[3], "请稍后", default);
        var otherUser = await sut.ClaimAsync(new AiRobotStreamKey("someoneElse", "f3"), "busy", default);
        await sut.FinishAsync(streams[0], "done", null, default);
        var afterOneFinished = await sut.ClaimAsync(streams[4], "busy", default);
        _time.Advance(IAiRobotStreams.Lifetime);
        var afterTheWall = await sut.ClaimAsync(new AiRobotStreamKey("zhaoliu", "f5"), "busy", default);

        Assert.Equal(AiRobotClaimOutcome.Busy, fourth.Outcome);
        Assert.Equal(new AiRobotStreamState(AiRobotStreamStatus.Finished, "请稍后"), (await sut.ClaimAsync(streams[3], "busy", default)).State);
        Assert.Equal(AiRobotClaimOutcome.New, otherUser.Outcome);
        Assert.Equal(AiRobotClaimOutcome.New, afterOneFinished.Outcome);
        Assert.Equal(AiRobotClaimOutcome.New, afterTheWall.Outcome);
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
