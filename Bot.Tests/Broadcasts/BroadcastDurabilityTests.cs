using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Broadcasts;

public class BroadcastDurabilityTests
{
    [Fact]
    public async Task Restart_InTheMiddleOfABroadcast_TheNextProcessFinishesItAndResendsNothing()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        var prefix = TestRedis.Prefix();
        string?[] cities = ["武汉", "黄石", "十堰", "宜昌", "襄阳"];
        // The first process delivers one group at a time, never retries (within the test) and meets two failures.
        var first = StaffSetup.Settings(webhook, null, cities, retryAfter: "01:00:00", robotRetries: 0);
        first["Broadcasts:MaxConcurrentDeliveries"] = "1";
        webhook.FailNext(FakeWebhook.Fault.ServerError, FakeWebhook.Fault.ServerError);
        string id;
        using var deliveries = new LogSignal(3152, 3153);
        await using (var before = new ChatPostFactory(prefix, settings: first, services: services => services.AddSingleton<ILoggerProvider>(deliveries)))
        {
            var response = await BroadcastApiTests.Admin(before, null).PostAsJsonAsync("/api/broadcasts", new { text = "重启也不丢" });
            id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            // Stop once three deliveries are recorded as sent and two wait for a retry: mid-broadcast, nothing in flight.
            await deliveries.WaitForAsync(3153, 2);
            await deliveries.WaitForAsync(3152, 3);
        }

        await using var after = new ChatPostFactory(prefix, settings: StaffSetup.Settings(webhook, null, cities, retryAfter: "00:00:01"));
        _ = after.Server; // start the second process
        await Task.WhenAll(Enumerable.Range(0, 2).Select(i => webhook.WaitForMessagesAsync(StaffSetup.Key(i), 1)));
        var report = await BroadcastApiTests.Admin(after, null).GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}");

        Assert.All(Enumerable.Range(0, 5), i => Assert.Single(webhook.MessagesFor(StaffSetup.Key(i))));
        Assert.Equal("completed", (string?)report!["state"]);
        Assert.Equal(5, (int)report["summary"]!["sent"]!);
        Assert.Equal(1, (int)report["groups"]![0]!["attempts"]!);
    }
}
