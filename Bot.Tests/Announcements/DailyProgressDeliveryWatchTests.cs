using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatPost.Bot.Announcements;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Tests.Broadcasts;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatPost.Bot.Tests.Announcements;

public class DailyProgressDeliveryWatchTests
{
    [Fact]
    public async Task Refresh_AfterTodaysRunWithOneRobotRemoved_CountsTheGroupsThatGotIt()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        var settings = StaffSetup.Settings(webhook, null, ["襄阳", "恩施", null]);
        settings["Announcements:DailyProgress:Charts"] = "false";
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: settings);
        webhook.RejectKey(StaffSetup.Key(1));
        var sut = factory.Services.GetRequiredService<DailyProgressDeliveryWatch>();
        using var groups = new MetricCollector<int>(factory.Services.GetRequiredService<IMeterFactory>(), ChatPostMetrics.MeterName, "chatpost.announcement.groups");
        var admin = BroadcastApiTests.Admin(factory, null);

        await sut.RefreshAsync(default);
        var before = Snapshot(groups);
        var run = await admin.PostAsync("/api/announcements/daily-progress/run", null);
        foreach (var id in (await run.Content.ReadFromJsonAsync<JsonObject>())!["broadcasts"]!.AsArray())
        {
            await BroadcastApiTests.WaitUntilFinishedAsync(admin, (string)id!);
        }

        await sut.RefreshAsync(default);
        var after = Snapshot(groups);

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal((3, 0), before);
        Assert.Equal((3, 2), after);
    }

    private static (int Receiving, int Delivered) Snapshot(MetricCollector<int> collector)
    {
        collector.RecordObservableInstruments();
        var latest = collector.GetMeasurementSnapshot(clear: true).Where(measurement => (string?)measurement.Tags["announcement"] == "daily-progress").ToList();
        return (latest.Last(measurement => (string?)measurement.Tags["state"] == "receiving").Value,
            latest.Last(measurement => (string?)measurement.Tags["state"] == "delivered").Value);
    }
}
