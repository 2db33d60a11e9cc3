using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Ingestion;

public class IngestionStoreExpiryTests
{
    private static readonly IngestOptions Settings = new()
    {
        ShipmentTimeToLive = TimeSpan.FromDays(10),
        InvoiceTimeToLive = TimeSpan.FromDays(20),
        CounterTimeToLive = TimeSpan.FromDays(40),
    };

    [Fact]
    public async Task AddShipmentEventsAsync_Redis_KeysExpireAfterTheConfiguredTimes()
    {
        var prefix = TestRedis.Prefix();
        var sut = new RedisIngestionStore(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = prefix })), Options.Create(Settings));
        var item = IngestionStoreTests.Event("EA123456785CN", ShipmentStatus.Accepted, IngestionStoreTests.Time("2020-03-04T10:15:00+08:00")) with { ReceiverPhone = "13800001234" };

        await sut.AddShipmentEventsAsync([item], default);
        await sut.AddInvoiceApplicationsAsync([new("FP20200217000123", "91429005MA4951234A", null, "潜江", InvoiceStatus.Submitted, item.Time, null, null)], default);

        var db = TestRedis.Connection.GetDatabase();
        AssertExpiresIn(TimeSpan.FromDays(10), await db.KeyTimeToLiveAsync(prefix + "{postal}:ship:EA123456785CN"));
        AssertExpiresIn(TimeSpan.FromDays(10), await db.KeyTimeToLiveAsync(prefix + "{postal}:phone:13800001234"));
        AssertExpiresIn(TimeSpan.FromDays(40), await db.KeyTimeToLiveAsync(prefix + "{postal}:progress:2020-03-04"));
        AssertExpiresIn(TimeSpan.FromDays(20), await db.KeyTimeToLiveAsync(prefix + "{postal}:invoice:FP20200217000123"));
        AssertExpiresIn(TimeSpan.FromDays(20), await db.KeyTimeToLiveAsync(prefix + "{postal}:taxpayer:91429005MA4951234A"));
    }

    [Fact]
    public async Task FindAsync_Memory_ForgetsAShipmentAfterItsTimeToLiveFromTheLastNewEvent()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2020-03-04T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var sut = new MemoryIngestionStore(Options.Create(Settings), time);
        var posted = IngestionStoreTests.Time("2020-03-04T10:15:00+08:00");
        await sut.AddShipmentEventsAsync([IngestionStoreTests.Event("EA123456785CN", ShipmentStatus.Accepted, posted) with { ReceiverPhone = "13800001234" }], default);
        time.Advance(TimeSpan.FromDays(9));
        await sut.AddShipmentEventsAsync([IngestionStoreTests.Event("EA123456785CN", ShipmentStatus.InTransit, posted.AddHours(1))], default);

        time.Advance(TimeSpan.FromDays(9));
        var stillThere = await sut.FindShipmentAsync("EA123456785CN", default);
        var byPhone = await sut.FindByPhoneAsync("13800001234", 5, default);
        time.Advance(TimeSpan.FromDays(2));
        var gone = await sut.FindShipmentAsync("EA123456785CN", default);

        Assert.Equal(2, stillThere!.EventCount);
        Assert.Empty(byPhone);
        Assert.Null(gone);
    }

    private static void AssertExpiresIn(TimeSpan expected, TimeSpan? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange(actual.Value, expected - TimeSpan.FromMinutes(1), expected);
    }
}
