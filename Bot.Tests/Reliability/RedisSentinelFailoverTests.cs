using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPost.Bot.Tests.Reliability;

/// <summary>
/// Redis highly available under Sentinel (a primary, a replica, three sentinels): the primary dies under load, the
/// service rides out the failover as it rides out an outage, and writes to the promoted replica without a restart.
/// </summary>
[Collection(InfrastructureFailures.Name)]
public class RedisSentinelFailoverTests(ITestOutputHelper output)
{
    private const string IngestKey = "ingest-failover-key-0123456789";
    private const string Postage = "寄发票收邮费吗";
    private static readonly string NoReply = WeChatReplyXml.Success;
    private static readonly TimeSpan WeChatWindow = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task PrimaryKilledUnderLoad_AnswersKeepComingWritesResumeOnThePromotedReplicaAndNothingAcknowledgedIsLost()
    {
        using var redis = await SentinelRedis.StartAsync();
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Ingest:ApiKey"] = IngestKey,
        });
        var client = factory.CreateClient();
        var lookup = factory.Services.GetRequiredService<IShipmentLookup>();
        var msgId = 800_000L;
        Assert.Equal(GreetingReplies.FirstHello, await WeChatPush.AskPlaintextAsync(client, "oRegular", "你好", ++msgId));
        var faqAnswer = await WeChatPush.AskPlaintextAsync(client, "oRegular", Postage, ++msgId);
        // Answered 2xx just before the primary dies: a replica held it before the answer, so the promotion keeps it.
        Assert.Equal(HttpStatusCode.OK, (await IngestAsync(client, 0)).StatusCode);

        var oldPrimary = redis.KillPrimary();
        var failover = Stopwatch.StartNew();
        var promoted = redis.WaitForPromotionAsync(oldPrimary);
        var answers = new List<(string Question, HttpStatusCode Status, string Reply, TimeSpan Took)>();
        var batches = new List<(int Batch, HttpStatusCode Status)>();
        var load = Task.WhenAll(Enumerable.Range(0, 6).Select(async worker =>
        {
            for (var i = 0; !promoted.IsCompleted && failover.Elapsed < TimeSpan.FromSeconds(30); i++)
            {
                var question = i % 2 == 0 ? "你好" : Postage;
                var started = Stopwatch.StartNew();
                var response = await client.SendAsync(new WeChatPush().Plaintext(WeChatPush.TextXml($"oLoad{worker}-{i}", question, Interlocked.Increment(ref msgId))));
                var reply = response.IsSuccessStatusCode ? WeChatPush.ReplyContent(await response.Content.ReadAsStringAsync()) : "";
                lock (answers)
                {
                    answers.Add((question, response.StatusCode, reply, started.Elapsed));
                }
            }
        }).Append(Task.Run(async () =>
        {
            for (var batch = 1; !promoted.IsCompleted && failover.Elapsed < TimeSpan.FromSeconds(30); batch++)
            {
                var status = (await IngestAsync(client, batch)).StatusCode;
                lock (batches)
                {
                    batches.Add((batch, status));
                }

                await Task.Delay(50);
            }
        })));
        await promoted;
        await load;
        var promotedAfter = failover.Elapsed;
        var afterwards = await WaitForWritesAsync(client, lookup);
        output.WriteLine($"primary {oldPrimary} killed; promoted after {promotedAfter}; writes again {afterwards} later; {answers.Count} pushes, "
            + $"slowest {answers.Max(a => a.Took)}, {answers.Count(a => a.Reply == NoReply)} answered late; {batches.Count(b => b.Status == HttpStatusCode.OK)} of {batches.Count} batches stored during the failover");

        Assert.True(answers.Count >= 6, $"only {answers.Count} pushes during the failover of {promotedAfter}");
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        // Within WeChat's five seconds, by the reply deadline: a turn whose storage stalled until the promotion answers
        // "success" at the deadline and replies the late way, as in an outage; every other answer is the right one.
        Assert.All(answers, answer => Assert.True(answer.Took < WeChatWindow, $"{answer.Question} took {answer.Took}"));
        Assert.All(answers.Where(a => a.Question == "你好" && a.Reply != NoReply), answer => Assert.Equal(GreetingReplies.FirstHello, answer.Reply));
        Assert.All(answers.Where(a => a.Question == Postage && a.Reply != NoReply), answer => Assert.Equal(faqAnswer, answer.Reply));
        Assert.All(batches, batch => Assert.Contains(batch.Status, (HttpStatusCode[])[HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable]));
        // Every batch answered 2xx, before the failover or during it, is on the new primary.
        foreach (var batch in batches.Where(b => b.Status == HttpStatusCode.OK).Select(b => b.Batch).Prepend(0))
        {
            Assert.NotNull(await lookup.FindAsync(Number(batch), default));
        }

        Assert.True(afterwards < TimeSpan.FromSeconds(10), $"writes resumed {afterwards} after the promotion");
        // State written before the failover survived it, and the promoted primary runs the turn scripts (EVAL again,
        // as it has none of the old primary's cached scripts): this user is still known and their turn is saved.
        Assert.Equal(GreetingReplies.Hello, await WeChatPush.AskPlaintextAsync(client, "oRegular", "你好", ++msgId));
        Assert.Equal(GreetingReplies.FirstHello, await WeChatPush.AskPlaintextAsync(client, "oAfterwards", "你好", ++msgId));
        Assert.Equal(GreetingReplies.Hello, await WeChatPush.AskPlaintextAsync(client, "oAfterwards", "你好", ++msgId));
    }

    // Time from the promotion until a batch is stored again and found.
    private static async Task<TimeSpan> WaitForWritesAsync(HttpClient client, IShipmentLookup lookup)
    {
        var since = Stopwatch.StartNew();
        while (since.Elapsed < TimeSpan.FromSeconds(20))
        {
            if ((await IngestAsync(client, 9999)).StatusCode == HttpStatusCode.OK && await lookup.FindAsync(Number(9999), default) is not null)
            {
                return since.Elapsed;
            }

            await Task.Delay(100);
        }

        return since.Elapsed;
    }

    private static string Number(int batch) => string.Create(CultureInfo.InvariantCulture, $"EA{batch:D9}CN");

    private static Task<HttpResponseMessage> IngestAsync(HttpClient client, int batch)
    {
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            [{ "trackingNo": "{{Number(batch)}}", "business": "license", "city": "襄阳", "status": "accepted",
               "time": "2020-03-04T10:15:00+08:00", "location": "襄州区", "description": "收寄" }]
            """);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/shipments") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey);
        return client.SendAsync(request);
    }
}
