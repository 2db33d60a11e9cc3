using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Reliability;

/// <summary>
/// Redis that hangs rather than dies (a primary stalled, a partition that drops packets): its connection stays open
/// and commands get no answer, so nothing fails fast as in an outage. Every push must still be answered inside WeChat's
/// five seconds, and exactly once; the late ones as soon as Redis answers again.
/// </summary>
[Collection(InfrastructureFailures.Name)]
public class RedisStallTests
{
    private const string Postage = "寄发票收邮费吗";
    private const string Tracking = "EA123456785CN到哪了";

    [Fact]
    public async Task RedisHangsSixSeconds_EveryPushAnsweredInsideWeChatsWindowAndExactlyOnce()
    {
        using var redis = new PrivateRedisServer();
        await using var api = await FakeWeChatApi.StartAsync();
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api, new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            // Beyond the wait below, as the turn lock's 30 s are: a late reply must go once Redis answers, not when a
            // lock that Redis took after the client gave up expires, nor when the backlog's retry time takes it over.
            ["LateReplies:RetryAfter"] = "00:01:00",
        });
        var client = factory.CreateClient();
        await factory.Services.GetRequiredService<IIngestionStore>().AddShipmentEventsAsync(
            [new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Delivered, DateTimeOffset.UtcNow.AddHours(-1), "襄州区", "已签收", null, null)], default);
        var msgId = 910_000L;
        Assert.Equal(GreetingReplies.FirstHello, await WeChatPush.AskPlaintextAsync(client, "oRegular", "你好", ++msgId));
        var faqAnswer = await WeChatPush.AskPlaintextAsync(client, "oRegular", Postage, ++msgId);
        await factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();

        // CLIENT PAUSE holds every other client's commands unanswered, on open connections, for its time.
        var hang = Task.Run(() => PrivateRedisServer.Cli(redis.Port, "CLIENT", "PAUSE", "6000", "ALL"));
        await Task.Delay(200);
        string[] questions = ["你好", Postage, Tracking];
        var answers = await Task.WhenAll(Enumerable.Range(0, 9).Select(async i =>
        {
            var (user, question) = ($"oHung{i}", questions[i % questions.Length]);
            var started = Stopwatch.StartNew();
            var response = await client.SendAsync(new WeChatPush().Plaintext(WeChatPush.TextXml(user, question, Interlocked.Increment(ref msgId))));
            var reply = WeChatPush.ReplyContent(await response.Content.ReadAsStringAsync());
            return (User: user, Question: question, response.StatusCode, Reply: reply, Took: started.Elapsed);
        }));
        await hang;
        var late = answers.Where(a => a.Reply == WeChatReplyXml.Success).ToList();
        var sent = new List<JsonObject>();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20) && sent.Count < late.Count)
        {
            sent.AddRange(api.TakeArrivedCustomMessages());
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var more = api.TakeArrivedCustomMessages();

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.All(answers, answer => Assert.True(answer.Took < TimeSpan.FromSeconds(5), $"{answer.Question} took {answer.Took}"));
        // Each answer is passive or late, never both: a late one reaches its user once, with the right text.
        Assert.Equal(late.Select(a => a.User).Order(), sent.Select(m => (string)m["touser"]!).Order());
        Assert.NotEmpty(late); // the hang outlasted the reply deadline, so this test did test the late way
        Assert.Empty(more);
        foreach (var answer in answers)
        {
            var text = answer.Reply == WeChatReplyXml.Success ? (string?)sent.Single(m => (string?)m["touser"] == answer.User)["text"]!["content"] : answer.Reply;
            switch (answer.Question)
            {
                case "你好":
                    Assert.Equal(GreetingReplies.FirstHello, text);
                    break;
                case Postage:
                    Assert.Equal(faqAnswer, text);
                    break;
                default:
                    Assert.True(text!.Contains("已签收", StringComparison.Ordinal) || text == RecordsReplies.Busy, text);
                    break;
            }
        }
    }
}
