using System.Security.Cryptography;
using System.Text;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Storage;

/// <summary>Both twins, the same expectations: Redis against the test server, memory in process.</summary>
public class RobotRateLimiterTests
{
    private static readonly string RobotA = Hash("robot-a");
    private static readonly string RobotB = Hash("robot-b");

    /// <summary>A minute, and a second for network latency.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(61);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T08:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TryAcquireAsync_UpToTheLimit_AdmitsEach(bool redis)
    {
        var sut = CreateSut(redis);

        var decisions = new List<RobotRateDecision>();
        for (var i = 0; i < 20; i++)
        {
            decisions.Add(await sut.TryAcquireAsync(RobotA, 20, default));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.All(decisions, decision => Assert.Equal(RobotRateDecision.Admitted, decision));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TryAcquireAsync_OverTheLimit_RefusesUntilTheOldestSendLeavesTheWindow(bool redis)
    {
        var sut = CreateSut(redis);
        await sut.TryAcquireAsync(RobotA, 3, default);
        _time.Advance(TimeSpan.FromSeconds(10));
        await sut.TryAcquireAsync(RobotA, 3, default);
        await sut.TryAcquireAsync(RobotA, 3, default);
        _time.Advance(TimeSpan.FromSeconds(20));

        var refused = await sut.TryAcquireAsync(RobotA, 3, default);
        _time.Advance(TimeSpan.FromSeconds(31) - TimeSpan.FromMilliseconds(1));
        var stillRefused = await sut.TryAcquireAsync(RobotA, 3, default);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var admitted = await sut.TryAcquireAsync(RobotA, 3, default);

        Assert.Equal(RobotRateDecision.Refused(TimeSpan.FromSeconds(31)), refused); // a minute and a second after the first
        Assert.Equal(RobotRateDecision.Refused(TimeSpan.FromMilliseconds(1)), stillRefused);
        Assert.True(admitted.IsAdmitted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TryAcquireAsync_OneRobotFull_OtherRobotUnaffected(bool redis)
    {
        var sut = CreateSut(redis);
        for (var i = 0; i < 20; i++)
        {
            await sut.TryAcquireAsync(RobotA, 20, default);
        }

        var full = await sut.TryAcquireAsync(RobotA, 20, default);
        var other = await sut.TryAcquireAsync(RobotB, 20, default);

        Assert.Equal(RobotRateDecision.Refused(Window), full);
        Assert.True(other.IsAdmitted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TryAcquireAsync_ManyConcurrentCallers_AdmitsExactlyTheLimit(bool redis)
    {
        var sut = CreateSut(redis);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => sut.TryAcquireAsync(RobotA, 20, default)));

        Assert.Equal(20, decisions.Count(decision => decision.IsAdmitted));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MarkSaturatedAsync_RobotWithRoom_RefusesEveryoneForAFullWindow(bool redis)
    {
        var sut = CreateSut(redis);
        await sut.TryAcquireAsync(RobotA, 20, default);
        _time.Advance(TimeSpan.FromSeconds(50));

        await sut.MarkSaturatedAsync(RobotA, 20, default);
        var refused = await sut.TryAcquireAsync(RobotA, 20, default);
        _time.Advance(Window);
        var admitted = await sut.TryAcquireAsync(RobotA, 20, default);

        Assert.Equal(RobotRateDecision.Refused(Window), refused);
        Assert.True(admitted.IsAdmitted);
    }

    [Theory]
    [InlineData(true, "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa")]
    [InlineData(false, "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa")]
    [InlineData(true, "")]
    [InlineData(false, "3F2A")]
    public async Task TryAcquireAsync_NotAKeyHash_ThrowsRatherThanStoreASecret(bool redis, string robot)
    {
        var sut = CreateSut(redis);

        await Assert.ThrowsAsync<ArgumentException>(() => sut.TryAcquireAsync(robot, 20, default));
    }

    [Fact]
    public async Task TryAcquireAsync_OnRedis_KeepsOnlyTheHashForAWindow()
    {
        var prefix = TestRedis.Prefix();
        var sut = CreateSut(redis: true, prefix);

        await sut.TryAcquireAsync(RobotA, 20, default);

        var database = TestRedis.Connection.GetDatabase();
        var key = prefix + "robot:sends:" + RobotA;
        Assert.Equal(1, await database.SortedSetLengthAsync(key));
        var timeToLive = await database.KeyTimeToLiveAsync(key);
        Assert.InRange(timeToLive!.Value, TimeSpan.FromSeconds(50), Window);
    }

    private IRobotRateLimiter CreateSut(bool redis, string? prefix = null) => redis
        ? new RedisRobotRateLimiter(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = prefix ?? TestRedis.Prefix() })), _time)
        : new MemoryRobotRateLimiter(_time);

    private static string Hash(string webhookKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(webhookKey)));
}
