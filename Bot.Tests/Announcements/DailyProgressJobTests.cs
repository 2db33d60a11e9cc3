using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Announcements;

/// <summary>The scheduled announcement through the real Quartz scheduler, Redis and a fake group-robot webhook.</summary>
public class DailyProgressJobTests
{
    [Fact]
    public async Task Cron_FiringEverySecond_EachGroupGetsTheDaysAnnouncementOnce()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        using var runs = new LogSignal(3010);
        var settings = StaffSetup.Settings(webhook, null, ["襄阳", null]);
        settings["Announcements:DailyProgress:Cron"] = "* * * * * ?";
        settings["Announcements:DailyProgress:ReportDay"] = "Today";
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: settings,
            services: services => services.AddSingleton<ILoggerProvider>(runs));
        var store = factory.Services.GetRequiredService<IIngestionStore>();
        var now = DateTimeOffset.UtcNow;
        await store.AddShipmentEventsAsync(
        [
            new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Accepted, now.AddMinutes(-30), "襄阳", null, null, null),
            new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Delivered, now.AddMinutes(-5), "襄州区", "已签收", null, null),
        ], default);

        var city = await webhook.WaitForMessagesAsync(StaffSetup.Key(0), 6);
        var province = await webhook.WaitForMessagesAsync(StaffSetup.Key(1), 6);
        await runs.WaitForAsync(3010, 4);

        Assert.Equal(6, webhook.MessagesFor(StaffSetup.Key(0)).Count);
        Assert.Equal(6, webhook.MessagesFor(StaffSetup.Key(1)).Count);
        Assert.Equal(["markdown", "image", "image", "image", "image", "image"], city.Select(message => message.MessageType));
        Assert.Contains("襄阳", city[0].Content, StringComparison.Ordinal);
        Assert.NotEqual(city[0].Content, province[0].Content); // the city group has its own line
        Assert.True(runs.Seen(3010).Count(run => run.Any(value => value.Key == "AlreadySent" && value.Value is true)) >= 2,
            "later runs did not find the announcement sent: " + string.Join(" | ", runs.Seen(3010).Select(run => string.Join(",", run.Select(v => $"{v.Key}={v.Value}({v.Value?.GetType().Name})")))));
    }
}
