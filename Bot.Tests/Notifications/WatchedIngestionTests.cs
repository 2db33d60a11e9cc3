using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Notifications;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Notifications;

/// <summary>Both ingestion stores name the watchers of a record that is (or repeats) a watched item's latest state worth telling.</summary>
public class WatchedIngestionTests
{
    private static readonly DateTimeOffset Posted = new(2020, 3, 4, 8, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task AddShipmentEvents_WatchedItemsLatestState_NamesItsWatchers_OthersNothing(string implementation)
    {
        var (store, records) = Create(implementation);
        await records.IndexAsync(WatchedItem.Shipment("EA123456785CN"), "oAlice", default);
        await records.IndexAsync(WatchedItem.Shipment("EA123456785CN"), "oBob", default);
        ShipmentEvent[] batch =
        [
            Scan("EA123456785CN", ShipmentStatus.Accepted, Posted), // not worth a message
            Scan("EA123456785CN", ShipmentStatus.OutForDelivery, Posted.AddHours(3)),
            Scan("EA123456785CN", ShipmentStatus.Exception, Posted.AddHours(1)), // older than the latest
            Scan("EB111222332CN", ShipmentStatus.OutForDelivery, Posted.AddHours(3)), // nobody watches it
        ];

        var first = await store.AddShipmentEventsAsync(batch, default);
        var again = await store.AddShipmentEventsAsync(batch, default);

        foreach (var result in new[] { first, again })
        {
            var watched = Assert.Single(result.Watched!);
            Assert.Equal(ItemChange.Of(batch[1]), watched.Change);
            Assert.Equal(["oAlice", "oBob"], watched.Watchers.Order());
        }

        Assert.Equal((4, 0, 4), (first.Accepted, first.Duplicates, again.Duplicates));
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task AddShipmentEvents_NothingWatched_NamesNobody(string implementation)
    {
        var (store, _) = Create(implementation);

        var result = await store.AddShipmentEventsAsync([Scan("EA123456785CN", ShipmentStatus.Delivered, Posted)], default);

        Assert.Null(result.Watched);
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task AddInvoiceApplications_WatchedApplicationsNewState_NamesItsWatchers(string implementation)
    {
        var (store, records) = Create(implementation);
        await records.IndexAsync(WatchedItem.InvoiceApplication("FP20200217000123"), "oAlice", default);
        var submitted = Application(InvoiceStatus.Submitted, Posted);
        var approved = Application(InvoiceStatus.Approved, Posted.AddHours(1));

        var results = new[]
        {
            await store.AddInvoiceApplicationsAsync([submitted], default),
            await store.AddInvoiceApplicationsAsync([approved, submitted], default),
            await store.AddInvoiceApplicationsAsync([approved], default),
        };

        Assert.Null(results[0].Watched);
        Assert.All(results[1..], result => Assert.Equal(new WatchedChange(ItemChange.Of(approved), ["oAlice"]), Assert.Single(result.Watched!), Comparer));
    }

    private static readonly IEqualityComparer<WatchedChange> Comparer = EqualityComparer<WatchedChange>.Create(
        (left, right) => left!.Change == right!.Change && left.Watchers.SequenceEqual(right.Watchers));

    private static (IIngestionStore Store, IWatchRecords Records) Create(string implementation)
    {
        var options = Options.Create(new IngestOptions());
        if (implementation == "memory")
        {
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var records = new MemoryWatchRecords(time);
            return (new MemoryIngestionStore(options, time, records), records);
        }

        var redis = new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() }));
        return (new RedisIngestionStore(redis, options), new RedisWatchRecords(redis, Options.Create(new NotificationOptions())));
    }

    private static ShipmentEvent Scan(string trackingNo, ShipmentStatus status, DateTimeOffset time) =>
        new(trackingNo, Business.License, "襄阳", status, time, "襄州区交通路投递站", "扫描", "13800001234", null);

    private static InvoiceApplication Application(InvoiceStatus status, DateTimeOffset time) =>
        new("FP20200217000123", "91429005MA4951234A", "华润湖北江汉医药有限公司", "潜江", status, time, null, null);
}
