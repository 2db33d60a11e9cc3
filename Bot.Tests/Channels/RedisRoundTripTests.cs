using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace ChatPost.Bot.Tests.Channels;

/// <summary>
/// What one push costs in Redis, counted by StackExchange.Redis's profiler for the commands issued on the push's
/// own path (background workers are not in its session): the budget the callback path is designed to.
/// </summary>
public class RedisRoundTripTests
{
    private readonly WeChatPush _push = new();

    [Fact]
    public async Task FaqQuestion_FromAKnownUser_CostsOneCommandBeforeTheTurnOneAfterAndTheTopicsWrite()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        var profiled = Profile(factory);
        await AskAsync(factory, "oKnown", "你好", 1);

        var (answer, commands) = await profiled(() => AskAsync(factory, "oKnown", "寄发票收邮费吗", 2));

        Assert.Contains("邮费全免", answer, StringComparison.Ordinal);
        // enter, the conversation's topic written (so that a follow-up such as 那驾驶证呢 is understood), leave
        Assert.True(commands.Count == 3, Describe(commands));
    }

    [Fact]
    public async Task Greeting_FromAKnownUser_AddsTheReadOfTheirStateAndTheWriteOfWhenTheyWereLastSeen()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        var profiled = Profile(factory);
        Assert.Equal(GreetingReplies.FirstHello, await AskAsync(factory, "oGreeter", "你好", 1));

        var (answer, commands) = await profiled(() => AskAsync(factory, "oGreeter", "你好", 2));

        Assert.Equal(GreetingReplies.Hello, answer);
        Assert.True(commands.Count == 4, Describe(commands)); // enter, the user's state, its write, leave
    }

    [Fact]
    public async Task TrackingQuestion_FromAKnownUser_ReadsTheShipmentAndTakesTheQuotaOnTheWayIn()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        await IngestDeliveredAsync(factory, "EA123456785CN");
        var profiled = Profile(factory);
        await AskAsync(factory, "oTracker", "你好", 1);

        var (answer, commands) = await profiled(() => AskAsync(factory, "oTracker", "EA123456785CN到哪了", 2));

        Assert.Contains("已签收", answer, StringComparison.Ordinal);
        Assert.True(commands.Count == 3, Describe(commands)); // enter (with the quota), the shipment read, leave
        var (enter, read) = (commands[0], commands[1]);
        Assert.Equal("HMGET", read.Command);
        Assert.True(read.CommandCreated < enter.CommandCreated + enter.ElapsedTime, "the shipment read waited for the entry script: " + Describe(commands));
    }

    [Fact]
    public async Task TrackingQuestion_FromANewUser_CostsWhatAKnownUsersDoes_AndLeavesNoEmptyConversationBehind()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        await IngestDeliveredAsync(factory, "EA123456785CN");
        var profiled = Profile(factory);

        var (answer, commands) = await profiled(() => AskAsync(factory, "oNewcomer", "EA123456785CN到哪了", 1));

        Assert.Contains("已签收", answer, StringComparison.Ordinal);
        Assert.True(commands.Count == 3, Describe(commands)); // enter (with the quota), the shipment read, leave: no state write
        var redis = factory.Services.GetRequiredService<RedisConnection>().Database;
        Assert.False(await redis.KeyExistsAsync(RedisKeys.State("wechat-mp/conversations/oNewcomer")),
            "a dialog that began and ended in the turn left its empty stack in Redis");
        Assert.Contains("已签收", await AskAsync(factory, "oNewcomer", "EA123456785CN到哪了", 2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackingQuestions_OverTheQuota_AreRefusedWhenTheQuotaIsTakenOnTheWayIn()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: new Dictionary<string, string?> { ["LookupQuota:PerMinute"] = "2" });
        await IngestDeliveredAsync(factory, "EA123456785CN");

        var answers = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            answers.Add(await AskAsync(factory, "oEnumerator", "EA123456785CN到哪了", i));
        }

        Assert.Contains("已签收", answers[0], StringComparison.Ordinal);
        Assert.Contains("已签收", answers[1], StringComparison.Ordinal);
        Assert.Equal(PrivacyReplies.TooManyLookups, answers[2]);
    }

    private static async Task IngestDeliveredAsync(ChatPostFactory factory, string trackingNo) =>
        await factory.Services.GetRequiredService<IIngestionStore>().AddShipmentEventsAsync(
            [new ShipmentEvent(trackingNo, Business.License, "襄阳", ShipmentStatus.Delivered, DateTimeOffset.UtcNow.AddHours(-1), "襄州区", "已签收", null, null)], default);

    private async Task<string> AskAsync(ChatPostFactory factory, string user, string text, long msgId)
    {
        var response = await factory.CreateClient().SendAsync(_push.Safe(WeChatPush.TextXml(user, text, msgId)));
        Assert.True(WeChatXml.TryReadFields(_push.OpenReply(await response.Content.ReadAsStringAsync()), out var fields));
        return fields["Content"];
    }

    /// <summary>Registers a profiler on the service's multiplexer; the returned function profiles what one call issues.</summary>
    private static Func<Func<Task<string>>, Task<(string, IReadOnlyList<IProfiledCommand>)>> Profile(ChatPostFactory factory)
    {
        var current = new AsyncLocal<ProfilingSession?>();
        factory.Server.PreserveExecutionContext = true; // the request runs in the test's async flow, and its session with it
        var multiplexer = factory.Services.GetRequiredService<IConnectionMultiplexer>();
        multiplexer.RegisterProfiler(() => current.Value);
        return async call =>
        {
            var session = new ProfilingSession();
            current.Value = session;
            var result = await call();
            // The service does not wait for some writes (the reply it keeps for retries): a PING behind them on the same
            // connection answers only once they are done.
            await multiplexer.GetDatabase().PingAsync();
            current.Value = null;
            return (result, [.. session.FinishProfiling().Where(command => command.Command != "PING").OrderBy(command => command.CommandCreated)]);
        };
    }

    private static string Describe(IReadOnlyList<IProfiledCommand> commands) =>
        $"{commands.Count} commands: " + string.Join(", ", commands.Select(command => $"{command.Command} at {command.CommandCreated:ss.ffffff} for {command.ElapsedTime.TotalMilliseconds:0.000} ms"));
}
