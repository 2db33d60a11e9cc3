using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatPost.Bot.Tests.Broadcasts;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Reliability;

/// <summary>Group robots failing 30% of the time: everything still arrives, duplicates only where the report says so.</summary>
public class FlakyWebhookTests
{
    [Fact]
    public async Task Webhook_FailingThirtyPercent_BroadcastAndAnnouncementReachEveryGroupAndTheReportTellsAmbiguity()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        string?[] cities = [.. ChatPost.Bot.Dialogs.Postal.Cities.All, null, null, null];
        var settings = StaffSetup.Settings(webhook, null, cities, retryAfter: "00:00:01", robotRetries: 2);
        settings["WeCom:RobotRequestTimeout"] = "00:00:01";
        settings["Announcements:DailyProgress:Charts"] = "false";
        using var completions = new LogSignal(3156);
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: settings,
            services: services => services.AddSingleton<ILoggerProvider>(completions));
        var client = BroadcastApiTests.Admin(factory, null);
        // Two answers lost after WeCom took the message (ambiguous: resent), then 30% plain failures.
        webhook.FailNext(FakeWebhook.Fault.Drop, FakeWebhook.Fault.Drop);
        webhook.FailRandomly(0.3, FakeWebhook.Fault.ServerError, seed: 30);

        var broadcast = await client.PostAsJsonAsync("/api/broadcasts", new { text = "风雨无阻" });
        var announcement = await client.PostAsync("/api/announcements/daily-progress/run", null);
        var broadcastId = (string)(await broadcast.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var announcementIds = (await announcement.Content.ReadFromJsonAsync<JsonObject>())!["broadcasts"]!.AsArray().Select(id => (string)id!).ToList();
        await completions.WaitForAsync(3156, 1 + announcementIds.Count);

        foreach (var id in announcementIds.Prepend(broadcastId))
        {
            var report = await client.GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}");
            Assert.Equal("completed", (string?)report!["state"]);
            Assert.All(report["groups"]!.AsArray(), group => Assert.Equal("sent", (string?)group!["state"]));
        }

        var reports = await Task.WhenAll(announcementIds.Prepend(broadcastId).Select(id => client.GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}")));
        for (var i = 0; i < cities.Length; i++)
        {
            var messages = webhook.MessagesFor(StaffSetup.Key(i));
            var flagged = reports.Sum(report => report!["groups"]!.AsArray().Count(group => (string?)group!["id"] == $"g{i}" && (bool)group["mayHaveDuplicate"]!));
            Assert.InRange(messages.Count, 2, 2 + flagged); // the broadcast and the announcement, plus at most one per ambiguous delivery
        }

        var accepted = Enumerable.Range(0, cities.Length).Sum(i => webhook.MessagesFor(StaffSetup.Key(i)).Count);
        var failed = webhook.Requests - accepted;
        Assert.True(failed >= webhook.Requests * 0.15, $"{failed} of {webhook.Requests} requests failed: the webhook hardly failed");
    }
}
