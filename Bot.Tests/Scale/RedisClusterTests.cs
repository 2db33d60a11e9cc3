using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Tests.Broadcasts;
using ChatPost.Bot.Tests.Ingestion;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Scale;

/// <summary>
/// The whole service on a real three-primary Redis Cluster: every script and transaction keeps its keys in one hash
/// slot, or the cluster would refuse it (CROSSSLOT). The Official Account, the 智能机器人, ingestion with watches,
/// broadcasts, the announcement and the console's key ring.
/// </summary>
[Collection(InfrastructureFailures.Name)]
public class RedisClusterTests
{
    private const string IngestKey = "ingest-cluster-key-0123456789";
    private const int BroadcastCompleted = 3156;
    private const string Watched = "EB111222332CN";
    private const string RobotChat = "wrClusterGroup01";

    [Fact]
    public async Task MainFlows_OnAThreePrimaryCluster_WorkAndSpreadOverEveryNode()
    {
        using var cluster = await ClusterRedis.StartAsync();
        await using var webhook = await FakeWebhook.StartAsync();
        await using var api = await FakeWeChatApi.StartAsync();
        await using var robot = await FakeAiRobotPlatform.StartAsync();
        var settings = StaffSetup.Settings(webhook, api, ["襄阳", "恩施", null]);
        foreach (var (key, value) in robot.Settings())
        {
            settings[key] = value;
        }

        settings["Groups:0:ChatId"] = RobotChat;
        settings["Redis:Configuration"] = cluster.Configuration;
        settings["Ingest:ApiKey"] = IngestKey;
        settings["Announcements:DailyProgress:Charts"] = "false";
        settings["LateReplies:PollInterval"] = "00:00:00.020";
        using var completions = new LogSignal(BroadcastCompleted);
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api, settings, services => services.AddSingleton<ILoggerProvider>(completions));
        var client = factory.CreateClient();
        var admin = BroadcastApiTests.Admin(factory, StaffSetup.ProvinceManager);

        // Ingestion: a shipment, then an earlier event of the same status that moves its count to another day's
        // counters (a key the script reaches without declaring it), and an invoice application.
        var later = await IngestAsync(client, "shipments", IngestBatchParserTests.ValidShipment.Replace("\"delivered\"", "\"accepted\"", StringComparison.Ordinal));
        var earlier = await IngestAsync(client, "shipments", IngestBatchParserTests.ValidShipment
            .Replace("\"delivered\"", "\"accepted\"", StringComparison.Ordinal).Replace("2020-03-04", "2020-03-02", StringComparison.Ordinal));
        var delivered = await IngestAsync(client, "shipments", IngestBatchParserTests.ValidShipment);
        var invoice = await IngestAsync(client, "invoice-applications", IngestBatchParserTests.ValidInvoice);
        // Callbacks and dialogs of many users (their keys land on every node): state kept between turns, a question
        // that waits for its answer, a lookup that takes the quota and reads the shipment on the way in.
        var msgId = 900_000L;
        var users = Enumerable.Range(0, 12).Select(i => $"oCluster{i}").ToArray();
        var hellos = await Task.WhenAll(users.Select(user => WeChatPush.AskPlaintextAsync(client, user, "你好", Interlocked.Increment(ref msgId))));
        var againHellos = await Task.WhenAll(users.Select(user => WeChatPush.AskPlaintextAsync(client, user, "你好", Interlocked.Increment(ref msgId))));
        var asked = await WeChatPush.AskPlaintextAsync(client, users[0], "查询物流", ++msgId);
        var answered = await WeChatPush.AskPlaintextAsync(client, users[0], "EA123456785CN", ++msgId);
        var lookup = await WeChatPush.AskPlaintextAsync(client, users[1], "EA123456785CN到哪了", ++msgId);
        // A watch (the user's record, the item's watcher set beside it), told of the item's next change through the
        // late-reply outbox.
        var watched = await IngestAsync(client, "shipments", JsonSerializer.Serialize(Citizen.Scan(Watched, "accepted", DateTimeOffset.UtcNow.AddHours(-2))));
        var offered = await WeChatPush.AskPlaintextAsync(client, users[2], Watched + "到哪了", ++msgId);
        var added = await WeChatPush.AskPlaintextAsync(client, users[2], "提醒", ++msgId);
        await IngestAsync(client, "shipments", JsonSerializer.Serialize(Citizen.Scan(Watched, "out_for_delivery", DateTimeOffset.UtcNow.AddHours(-1))));
        var told = await api.TakeCustomMessagesAsync(1);
        // The 智能机器人 in a group: the stream's claim and its user's streams in flight, the answer, a refresh of it.
        var progress = await robot.AskAsync([client], "ClusterClerk", RobotChat, "进度");
        var refreshed = await robot.PostAsync(client, FakeAiRobotPlatform.Refresh("ClusterClerk", RobotChat, progress.StreamId));
        // The console's sign-in form: its antiforgery token needs the data-protection key ring, kept in Redis.
        var signIn = await client.GetAsync("/console/signin");
        // A manager's broadcast (stream, deliveries, robot rate limits) and its summary to the manager through the WeCom
        // API (the access token fetched under a lock and cached); the daily announcement to every group.
        var broadcast = await admin.PostAsJsonAsync("/api/broadcasts", new { text = "集群通知", idempotencyKey = "cluster-1" });
        var announcement = await admin.PostAsync("/api/announcements/daily-progress/run", null);
        var announcements = (await announcement.Content.ReadFromJsonAsync<JsonObject>())!["broadcasts"]!.AsArray().Count;
        await completions.WaitForAsync(BroadcastCompleted, 1 + announcements);
        var summary = await api.TakeAppMessagesAsync(1);
        var id = (string)(await broadcast.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var report = await admin.GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [later, earlier, delivered, invoice]);
        Assert.All(hellos, reply => Assert.Equal(GreetingReplies.FirstHello, reply));
        Assert.All(againHellos, reply => Assert.Equal(GreetingReplies.Hello, reply));
        Assert.Equal(TrackingReplies.AskNumber, asked);
        Assert.Contains("最新状态：已签收", answered, StringComparison.Ordinal);
        Assert.Contains("最新状态：已签收", lookup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, watched);
        Assert.EndsWith(NotificationReplies.Offer, offered, StringComparison.Ordinal);
        Assert.StartsWith(NotificationReplies.Added(WatchedItem.Shipment(Watched)), added, StringComparison.Ordinal);
        Assert.Equal(users[2], (string?)told[0]["touser"]);
        Assert.StartsWith($"【进度提醒】您关注的邮件 {Watched}：派送中", (string?)told[0]["text"]!["content"], StringComparison.Ordinal);
        Assert.StartsWith("襄阳 ", progress.Content, StringComparison.Ordinal);
        Assert.Equal(progress.Content, (string?)refreshed!["stream"]!["content"]);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("__RequestVerificationToken", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, broadcast.StatusCode);
        Assert.Equal("completed", (string?)report!["state"]);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(2, webhook.MessagesFor(StaffSetup.Key(i)).Count));
        Assert.Single(summary);
        Assert.Equal(2, api.TokenFetches); // one per account: the Official Account's (the watch) and WeCom's (the summary)
        Assert.All(cluster.KeysPerNode(), keys => Assert.True(keys > 0, "a node holds no key: the test did not spread over the cluster"));
    }

    private static async Task<HttpStatusCode> IngestAsync(HttpClient client, string kind, string record)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ingest/{kind}") { Content = new StringContent($"[{record}]", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey);
        return (await client.SendAsync(request)).StatusCode;
    }
}
