using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Tests.Scale;

/// <summary>
/// Two real service processes sharing one Redis and one PostgreSQL (clustered Quartz), as N replicas behind a
/// load balancer would: what must happen once happens once.
/// </summary>
public class TwoReplicasTests
{
    [Fact]
    public async Task DailyAnnouncement_FiringEverySecondOnTwoReplicas_EachGroupGetsItOnce()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        var settings = await SettingsAsync(webhook, null);
        settings["Announcements:DailyProgress:Cron"] = "* * * * * ?";
        settings["Announcements:DailyProgress:ReportDay"] = "Today";
        await using var first = await BotProcess.StartAsync(settings);
        await using var second = await BotProcess.StartAsync(settings);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => webhook.WaitForMessagesAsync(StaffSetup.Key(i), 6)));
        // Several more firings, spread over both nodes, after the first one sent it.
        await WaitForRunsAsync(first, second, 6);

        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(6, webhook.MessagesFor(StaffSetup.Key(i)).Count));
    }

    [Fact]
    public async Task RetriedPush_LandingOnBothReplicasAtOnce_RunsOneTurn()
    {
        var settings = await SettingsAsync(null, null);
        await using var first = await BotProcess.StartAsync(settings);
        await using var second = await BotProcess.StartAsync(settings);
        var push = new WeChatPush();
        var xml = WeChatPush.TextXml("oBothReplicas", "你好", 990001, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var answers = await Task.WhenAll(
            first.CreateClient().SendAsync(push.Safe(xml)), second.CreateClient().SendAsync(push.Safe(xml)),
            first.CreateClient().SendAsync(push.Safe(xml)), second.CreateClient().SendAsync(push.Safe(xml)));
        var replies = await Task.WhenAll(answers.Select(async answer => push.OpenReply(await answer.Content.ReadAsStringAsync())));

        // A second turn would have seen the first one's visit and said the short hello.
        Assert.All(replies, reply => Assert.Contains(GreetingReplies.FirstHello.Split('\n')[0], reply, StringComparison.Ordinal));
        Assert.All(replies, reply => Assert.DoesNotContain(GreetingReplies.Hello, reply, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessToken_NeededOnBothReplicas_IsFetchedOnce()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var api = await FakeWeChatApi.StartAsync();
        var settings = await SettingsAsync(webhook, api);
        await using var first = await BotProcess.StartAsync(settings);
        await using var second = await BotProcess.StartAsync(settings);

        // Each completed broadcast sends its manager a summary through the WeCom API, with the app's token; keep
        // broadcasting until both replicas have completed some.
        var sent = 0;
        while (!(Completed(first) && Completed(second)) && sent < 30)
        {
            var replica = sent % 2 == 0 ? first : second;
            await Admin(replica, StaffSetup.ProvinceManager).PostAsJsonAsync("/api/broadcasts", new { text = $"通知 {sent}", groups = new[] { "g2" } });
            await api.TakeAppMessagesAsync(1);
            sent++;
        }

        Assert.True(Completed(first) && Completed(second), "one replica completed every broadcast");
        Assert.Equal(1, api.TokenFetches);
    }

    [Fact]
    public async Task Broadcast_ReplicaKilledHalfwayThrough_TheSurvivorFinishesItWithoutRepeats()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        var survivorSettings = await SettingsAsync(webhook, null);
        survivorSettings["Broadcasts:RetryAfter"] = "00:00:02";
        // The doomed replica delivers at once and never retries: one group gets it, two meet a failing robot, then it dies.
        var doomedSettings = new Dictionary<string, string?>(survivorSettings)
        {
            ["Broadcasts:RetryAfter"] = "01:00:00",
            ["WeCom:RobotMaxRetryAttempts"] = "0",
            ["Broadcasts:PollInterval"] = "00:00:00.010",
        };
        survivorSettings["Broadcasts:PollInterval"] = "00:00:05";
        await using var survivor = await BotProcess.StartAsync(survivorSettings);
        await using var doomed = await BotProcess.StartAsync(doomedSettings);
        webhook.FailNext(FakeWebhook.Fault.ServerError, FakeWebhook.Fault.ServerError);

        var response = await Admin(doomed, null).PostAsJsonAsync("/api/broadcasts", new { text = "杀不死的通报" });
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await doomed.WaitForOutputAsync("retrying later", 2);
        await doomed.WaitForOutputAsync("finished: Sent");
        doomed.Kill();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => webhook.WaitForMessagesAsync(StaffSetup.Key(i), 1)));
        await survivor.WaitForOutputAsync($"Broadcast {id} completed");
        var report = await Admin(survivor, null).GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}");

        Assert.All(Enumerable.Range(0, 3), i => Assert.Single(webhook.MessagesFor(StaffSetup.Key(i))));
        Assert.Equal("completed", (string?)report!["state"]);
        Assert.Equal(3, (int)report["summary"]!["sent"]!);
    }

    private static bool Completed(BotProcess replica) => replica.Output.Any(line => line.Contains("completed:", StringComparison.Ordinal));

    private static async Task WaitForRunsAsync(BotProcess first, BotProcess second, int runs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Runs(first) + Runs(second) < runs)
        {
            await Task.WhenAny(first.WaitForOutputAsync("Daily progress announcement of", Runs(first) + 1),
                second.WaitForOutputAsync("Daily progress announcement of", Runs(second) + 1)).WaitAsync(timeout.Token);
        }

        static int Runs(BotProcess replica) => replica.Output.Count(line => line.Contains("Daily progress announcement of", StringComparison.Ordinal));
    }

    private static HttpClient Admin(BotProcess replica, string? manager)
    {
        var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffSetup.AdminKey);
        if (manager is not null)
        {
            client.DefaultRequestHeaders.Add(BroadcastEndpoints.ManagerHeader, manager);
        }

        return client;
    }

    private static async Task<Dictionary<string, string?>> SettingsAsync(FakeWebhook? webhook, FakeWeChatApi? api, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var settings = webhook is null ? [] : StaffSetup.Settings(webhook, api, ["襄阳", "恩施", null]);
        settings["Redis:Configuration"] = TestRedis.Configuration;
        settings["Redis:KeyPrefix"] = TestRedis.Prefix(test);
        settings["Scheduler:Clustered"] = "true";
        settings["Scheduler:ConnectionString"] = await TestPostgres.CreateDatabaseAsync(test);
        settings["WeChat:OfficialAccount:AppId"] = ChatPostFactory.AppId;
        settings["WeChat:OfficialAccount:Token"] = ChatPostFactory.Token;
        settings["WeChat:OfficialAccount:EncodingAESKey"] = ChatPostFactory.EncodingAesKey;
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Logging:Console:FormatterName"] = "simple";
        settings["Logging:Console:FormatterOptions:SingleLine"] = "true";
        return settings;
    }
}
