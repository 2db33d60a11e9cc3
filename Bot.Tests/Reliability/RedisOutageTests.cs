using System.Diagnostics;
using System.Net;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Reliability;

/// <summary>Redis stopped for ten seconds under load: the bot keeps answering, then recovers by itself.</summary>
[Collection(InfrastructureFailures.Name)]
public class RedisOutageTests
{
    private const string Postage = "寄发票收邮费吗";
    private const string Tracking = "EA123456785CN到哪了";

    [Fact]
    public async Task RedisStoppedTenSecondsUnderLoad_GreetingsAndFaqWorkLookupsSayBusyThenEverythingRecovers()
    {
        using var redis = new PrivateRedisServer();
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration });
        var client = factory.CreateClient();
        await factory.Services.GetRequiredService<IIngestionStore>().AddShipmentEventsAsync(
            [new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Delivered, DateTimeOffset.UtcNow.AddHours(-1), "襄州区", "已签收", null, null)], default);
        var msgId = 700_000L;
        Assert.Equal(GreetingReplies.FirstHello, await WeChatPush.AskPlaintextAsync(client, "oRegular", "你好", ++msgId));
        var faqAnswer = await WeChatPush.AskPlaintextAsync(client, "oRegular", Postage, ++msgId);
        Assert.Contains("最新状态：已签收", await WeChatPush.AskPlaintextAsync(client, "oRegular", Tracking, ++msgId), StringComparison.Ordinal);
        // The service answers before its closing script (reply kept, lock freed) is done; a PING behind it on the same
        // connection returns once it is. Stopped before that, Redis would keep the user's lock for its 30 s.
        await factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();

        redis.Stop();
        var outage = Stopwatch.StartNew();
        var answers = new List<(string Question, HttpStatusCode Status, string Reply, TimeSpan Took)>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = 0; outage.Elapsed < TimeSpan.FromSeconds(10); i++)
            {
                var question = (i % 3) switch { 0 => "你好", 1 => Postage, _ => Tracking };
                var started = Stopwatch.StartNew();
                var response = await client.SendAsync(new WeChatPush().Plaintext(WeChatPush.TextXml($"oLoad{worker}-{i}", question, Interlocked.Increment(ref msgId))));
                var reply = response.IsSuccessStatusCode ? WeChatPush.ReplyContent(await response.Content.ReadAsStringAsync()) : "";
                lock (answers)
                {
                    answers.Add((question, response.StatusCode, reply, started.Elapsed));
                }
            }
        }));
        redis.Start();
        var recovered = Stopwatch.StartNew();
        string afterwards;
        do
        {
            afterwards = await WeChatPush.AskPlaintextAsync(client, "oRegular", Tracking, ++msgId);
        }
        while (afterwards == RecordsReplies.Busy && recovered.Elapsed < TimeSpan.FromSeconds(5));

        Assert.True(answers.Count > 30, $"only {answers.Count} requests during the outage");
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.All(answers, answer => Assert.True(answer.Took < TimeSpan.FromSeconds(4), $"{answer.Question} took {answer.Took}"));
        Assert.All(answers.Where(a => a.Question == "你好"), answer => Assert.Equal(GreetingReplies.FirstHello, answer.Reply));
        Assert.All(answers.Where(a => a.Question == Postage), answer => Assert.Equal(faqAnswer, answer.Reply));
        Assert.All(answers.Where(a => a.Question == Tracking), answer => Assert.Equal(RecordsReplies.Busy, answer.Reply));
        Assert.Contains("最新状态：已签收", afterwards, StringComparison.Ordinal);
        Assert.True(recovered.Elapsed < TimeSpan.FromSeconds(5), $"recovery took {recovered.Elapsed}");
        // What was stored before the outage is intact: this user is still known.
        Assert.Equal(GreetingReplies.Hello, await WeChatPush.AskPlaintextAsync(client, "oRegular", "你好", ++msgId));
    }
}
