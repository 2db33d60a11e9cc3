using ChatPost.Bot.Channels.WeCom.GroupRobot;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Channels.WeCom.GroupRobot;

public sealed partial class GroupRobotClientTests
{
    [Fact]
    public async Task SendAsync_TwoReplicasSharingRedis_The21stMessageWaitsForTheWindowWhileAnotherRobotFlows()
    {
        var prefix = TestRedis.Prefix();
        var first = CreateSut(RedisLimiter(prefix));
        var second = CreateSut(RedisLimiter(prefix));
        _webhook.EnforceRateLimit = true;
        var start = _time.GetUtcNow();

        var twenty = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            (i % 2 == 0 ? first : second).SendAsync(KeyA, new RobotMessage.Text($"第 {i} 条"), default)));
        var twentyFirst = first.SendAsync(KeyA, new RobotMessage.Text("第 21 条"), default);
        var wait = await _time.NextWaitAsync();
        var otherRobot = await second.SendAsync(KeyB, new RobotMessage.Text("另一个群"), default);
        var requestsWhileWaiting = _webhook.RequestsFor(KeyA);
        _time.Advance(wait);
        var late = await twentyFirst;

        Assert.All(twenty, result => Assert.True(result.Sent));
        Assert.Equal(TimeSpan.FromSeconds(61), wait); // a minute, and a second for latency
        Assert.True(otherRobot.Sent);
        Assert.Equal(20, requestsWhileWaiting);
        Assert.True(late.Sent);
        Assert.Equal(start + TimeSpan.FromSeconds(61), _webhook.MessagesFor(KeyA)[^1].ArrivedAt);
        Assert.Equal(21, _webhook.RequestsFor(KeyA)); // WeCom's own limit never had to answer 45009
    }

    [Fact]
    public async Task SendAsync_FiftyMessagesFromTwoReplicasWhileWeComEnforcesItsLimit_NeverThrottledNorOverTwentyAMinute()
    {
        var prefix = TestRedis.Prefix();
        var replicas = new[] { CreateSut(RedisLimiter(prefix)), CreateSut(RedisLimiter(prefix)) };
        _webhook.EnforceRateLimit = true;

        // One after the other, so that fake time only moves while a sender waits, never while a request travels.
        var results = await _time.RunAsync(SendInTurnAsync(replicas, 50));

        Assert.All(results, result => Assert.True(result.Sent));
        Assert.Equal(50, _webhook.RequestsFor(KeyA)); // no 45009, no retry
        var times = _webhook.MessagesFor(KeyA).Select(arrival => arrival.ArrivedAt).ToList();
        Assert.All(times, time => Assert.InRange(times.Count(other => other > time - TimeSpan.FromMinutes(1) && other <= time), 1, 20));
        Assert.Equal(_time.Waited, [TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(61)]);
    }

    private static async Task<List<RobotSendResult>> SendInTurnAsync(GroupRobotClient[] replicas, int count)
    {
        var results = new List<RobotSendResult>();
        for (var i = 1; i <= count; i++)
        {
            results.Add(await replicas[i % replicas.Length].SendAsync(KeyA, new RobotMessage.Text($"第 {i} 条"), default));
        }

        return results;
    }

    private RedisRobotRateLimiter RedisLimiter(string prefix) =>
        new(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = prefix })), _time);
}
