using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Ingestion;

/// <summary>The same behaviour from both stores: Redis (the test server, own key prefix) and the in-memory twin.</summary>
public partial class IngestionStoreTests
{
    public static TheoryData<string> Implementations => ["redis", "memory"];

    private static readonly DateTimeOffset Posted = Time("2020-03-04T10:15:00+08:00");

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddShipmentEventsAsync_SameEventTwice_OneEventAndCountersUnchanged(string implementation)
    {
        var sut = CreateSut(implementation);
        var delivered = Event("EA123456785CN", ShipmentStatus.Delivered, Posted);
        var first = await sut.Store.AddShipmentEventsAsync([delivered], default);
        var countersBefore = await sut.Counters.GetAsync(Day("2020-03-04"), Day("2020-03-04"), default);

        var second = await sut.Store.AddShipmentEventsAsync([delivered with { Location = "另一个投递站" }], default);

        Assert.Equal(new StoreResult(1, 0), first);
        Assert.Equal(new StoreResult(0, 1), second);
        var summary = await FindAsync(sut, "EA123456785CN");
        Assert.Equal(1, summary!.EventCount);
        Assert.Equal(delivered.Location, summary.Latest.Location);
        Assert.Equal(countersBefore, await sut.Counters.GetAsync(Day("2020-03-04"), Day("2020-03-04"), default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddShipmentEventsAsync_SameInstantWithOtherOffset_IsADuplicate(string implementation)
    {
        var sut = CreateSut(implementation);

        var result = await sut.Store.AddShipmentEventsAsync(
            [Event("EA123456785CN", ShipmentStatus.Accepted, Posted), Event("EA123456785CN", ShipmentStatus.Accepted, Posted.ToUniversalTime())], default);

        Assert.Equal(new StoreResult(1, 1), result);
        Assert.Equal(1, (await FindAsync(sut, "EA123456785CN"))!.EventCount);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddShipmentEventsAsync_OlderEventArrivesLate_LatestStaysLatest(string implementation)
    {
        var sut = CreateSut(implementation);
        var delivered = Event("EA123456785CN", ShipmentStatus.Delivered, Posted.AddDays(2)) with { Location = "投递站", Description = "已签收，本人收" };
        await sut.Store.AddShipmentEventsAsync([delivered], default);

        await sut.Store.AddShipmentEventsAsync([Event("EA123456785CN", ShipmentStatus.InTransit, Posted.AddDays(1)) with { Location = "处理中心" }], default);

        var summary = await FindAsync(sut, "EA123456785CN");
        Assert.Equal(2, summary!.EventCount);
        Assert.Equal(ShipmentStatus.Delivered, summary.Latest.Status);
        Assert.Equal("投递站", summary.Latest.Location);
        Assert.Equal("已签收，本人收", summary.Latest.Description);
        Assert.Equal(delivered.Time, summary.Latest.Time);
        Assert.Equal(delivered.Time.Offset, summary.Latest.Time.Offset);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddShipmentEventsAsync_EventsEitherSideOfChinaMidnight_CountOnTheirChinaDay(string implementation)
    {
        var sut = CreateSut(implementation);

        await sut.Store.AddShipmentEventsAsync(
        [
            Event("EA000000001CN", ShipmentStatus.Delivered, Time("2020-03-04T23:30:00+08:00")),
            Event("EA000000002CN", ShipmentStatus.Delivered, Time("2020-03-04T16:30:00Z")),
        ], default);

        Assert.Equal([Count(ShipmentStatus.Delivered, 1)], await sut.Counters.GetAsync(Day("2020-03-04"), Day("2020-03-04"), default));
        Assert.Equal([Count(ShipmentStatus.Delivered, 1)], await sut.Counters.GetAsync(Day("2020-03-05"), Day("2020-03-05"), default));
        Assert.Equal([Count(ShipmentStatus.Delivered, 2)], await sut.Counters.GetAsync(Day("2020-03-01"), Day("2020-03-31"), default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddShipmentEventsAsync_SecondDeliveredScanOfOneItem_CountsOnce(string implementation)
    {
        var sut = CreateSut(implementation);

        var result = await sut.Store.AddShipmentEventsAsync(
        [
            Event("EA123456785CN", ShipmentStatus.Accepted, Posted),
            Event("EA123456785CN", ShipmentStatus.Delivered, Posted.AddHours(30)),
            Event("EA123456785CN", ShipmentStatus.Delivered, Posted.AddHours(31)),
        ], default);

        Assert.Equal(new StoreResult(3, 0), result);
        Assert.Equal(3, (await FindAsync(sut, "EA123456785CN"))!.EventCount);
        Assert.Equal(
            [Count(ShipmentStatus.Accepted, 1), Count(ShipmentStatus.Delivered, 1)],
            await sut.Counters.GetAsync(Day("2020-03-01"), Day("2020-03-31"), default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddShipmentEventsAsync_EarlierScanOfACountedStatusArrivesLate_CountMovesToItsDay(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.Store.AddShipmentEventsAsync([Event("EA123456785CN", ShipmentStatus.Delivered, Time("2020-03-06T09:00:00+08:00"))], default);

        await sut.Store.AddShipmentEventsAsync([Event("EA123456785CN", ShipmentStatus.Delivered, Time("2020-03-05T17:00:00+08:00"))], default);

        Assert.Empty(await sut.Counters.GetAsync(Day("2020-03-06"), Day("2020-03-06"), default));
        Assert.Equal([Count(ShipmentStatus.Delivered, 1)], await sut.Counters.GetAsync(Day("2020-03-05"), Day("2020-03-05"), default));
        Assert.Equal(ShipmentStatus.Delivered, (await FindAsync(sut, "EA123456785CN"))!.Latest.Status);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddShipmentEventsAsync_BatchSpanningSeveralScriptCalls_AppliesEveryRecordInOrder(string implementation)
    {
        var sut = CreateSut(implementation);
        var events = Enumerable.Range(0, (RedisIngestionStore.RecordsPerCall * 2) + 7)
            .Select(i => Event($"EA{i:000000000}CN", ShipmentStatus.Accepted, Posted.AddMinutes(i)))
            .ToList();

        var result = await sut.Store.AddShipmentEventsAsync([.. events, .. events.Take(3)], default);

        Assert.Equal(new StoreResult(events.Count, 3), result);
        Assert.Equal([Count(ShipmentStatus.Accepted, events.Count)], await sut.Counters.GetAsync(Day("2020-03-04"), Day("2020-03-04"), default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task FindAsync_UnknownOrMalformedNumber_ReturnsNull(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.Store.AddShipmentEventsAsync([Event("EA123456785CN", ShipmentStatus.Accepted, Posted)], default);

        Assert.Null(await FindAsync(sut, "EA999999999CN"));
        Assert.Null(await FindAsync(sut, "not a number"));
        Assert.NotNull(await FindAsync(sut, " ea 123456785 cn "));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task FindAsync_LatestScanWithoutPhone_ShowsTheShipmentsPhoneAndApplication(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.Store.AddShipmentEventsAsync(
        [
            Event("1173456789012", ShipmentStatus.Accepted, Posted) with { ReceiverPhone = "13800001234", ApplicationNo = "FP20200217000123" },
            Event("1173456789012", ShipmentStatus.InTransit, Posted.AddHours(5)),
        ], default);

        var summary = await FindAsync(sut, "1173456789012");

        Assert.Equal(ShipmentStatus.InTransit, summary!.Latest.Status);
        Assert.Equal("13800001234", summary.Latest.ReceiverPhone);
        Assert.Equal("FP20200217000123", summary.Latest.ApplicationNo);
        Assert.Equal(Business.License, summary.Latest.Business);
        Assert.Equal("襄阳", summary.Latest.City);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task FindByPhoneAsync_SeveralItems_NewestFirstUpToTheLimit(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.Store.AddShipmentEventsAsync(
        [
            Event("EA000000002CN", ShipmentStatus.Accepted, Posted.AddDays(2)) with { ReceiverPhone = "13800001234" },
            Event("EA000000001CN", ShipmentStatus.Accepted, Posted.AddDays(1)) with { ReceiverPhone = "13800001234" },
            Event("EA000000003CN", ShipmentStatus.Accepted, Posted.AddDays(3)) with { ReceiverPhone = "13800001234" },
            Event("EA000000009CN", ShipmentStatus.Accepted, Posted.AddDays(9)) with { ReceiverPhone = "13900009999" },
        ], default);

        var two = await sut.Shipments.FindByPhoneAsync("13800001234", 2, default);
        var all = await sut.Shipments.FindByPhoneAsync("13800001234", 10, default);

        Assert.Equal(["EA000000003CN", "EA000000002CN"], two.Select(item => item.Latest.TrackingNo));
        Assert.Equal(["EA000000003CN", "EA000000002CN", "EA000000001CN"], all.Select(item => item.Latest.TrackingNo));
        Assert.Empty(await sut.Shipments.FindByPhoneAsync("13700000000", 10, default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task FindByPhoneAsync_MoreItemsThanTheIndexKeeps_KeepsTheNewest(string implementation)
    {
        var sut = CreateSut(implementation);
        var events = Enumerable.Range(0, IngestLimits.MaxIndexEntries + 5)
            .Select(i => Event($"EA{i:000000000}CN", ShipmentStatus.Accepted, Posted.AddHours(i)) with { ReceiverPhone = "13800001234" })
            .ToList();
        await sut.Store.AddShipmentEventsAsync(events, default);

        var found = await sut.Shipments.FindByPhoneAsync("13800001234", 1000, default);

        Assert.Equal(IngestLimits.MaxIndexEntries, found.Count);
        Assert.Equal(events[^1].TrackingNo, found[0].Latest.TrackingNo);
        Assert.Equal(events[5].TrackingNo, found[^1].Latest.TrackingNo);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task GetAsync_SeveralCitiesAndDays_SumsTheRangeInProvinceOrder(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.Store.AddShipmentEventsAsync(
        [
            Event("EA000000001CN", ShipmentStatus.Accepted, Time("2020-03-01T09:00:00+08:00")) with { City = "潜江", Business = Business.Invoice },
            Event("EA000000002CN", ShipmentStatus.Accepted, Time("2020-03-02T09:00:00+08:00")) with { City = "武汉" },
            Event("EA000000003CN", ShipmentStatus.Accepted, Time("2020-03-03T09:00:00+08:00")) with { City = "武汉" },
            Event("EA000000004CN", ShipmentStatus.Accepted, Time("2020-03-04T09:00:00+08:00")) with { City = "武汉" },
        ], default);

        var counts = await sut.Counters.GetAsync(Day("2020-03-01"), Day("2020-03-03"), default);

        Assert.Equal(
            [
                new ProgressCount("武汉", Business.License, ShipmentStatus.Accepted, 2),
                new ProgressCount("潜江", Business.Invoice, ShipmentStatus.Accepted, 1),
            ],
            counts);
        Assert.Empty(await sut.Counters.GetAsync(Day("2020-03-03"), Day("2020-03-01"), default));
        Assert.Empty(await sut.Counters.GetAsync(Day("2019-01-01"), Day("2019-12-31"), default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task GetAsync_AnyRange_EqualsTheSumOfItsDaysAlsoAfterACountMovedAcrossWeeks(string implementation)
    {
        var sut = CreateSut(implementation);
        var start = Time("2020-02-24T12:00:00+08:00"); // a Monday
        var events = Enumerable.Range(0, 40)
            .SelectMany(i => new[]
            {
                Event($"EA{i:000000000}CN", ShipmentStatus.Accepted, start.AddHours(i * 17)) with { City = Cities.All[i % 17] },
                Event($"EA{i:000000000}CN", ShipmentStatus.Delivered, start.AddHours((i * 17) + 60)) with { City = Cities.All[i % 17] },
            })
            .ToList();
        await sut.Store.AddShipmentEventsAsync(events, default);
        // A delivered scan of item 39 (counted on 2020-03-27) arrives that is a week and a half earlier.
        await sut.Store.AddShipmentEventsAsync([Event("EA000000039CN", ShipmentStatus.Delivered, Time("2020-03-16T08:00:00+08:00")) with { City = "武汉" }], default);

        foreach (var (first, last) in new[] { ("2020-02-24", "2020-03-31"), ("2020-02-26", "2020-03-19"), ("2020-03-02", "2020-03-15"), ("2020-03-16", "2020-03-16"), ("2020-03-10", "2020-03-29") })
        {
            var daily = new List<ProgressCount>();
            for (var day = Day(first); day <= Day(last); day = day.AddDays(1))
            {
                daily.AddRange(await sut.Counters.GetAsync(day, day, default));
            }

            var expected = daily.GroupBy(row => (row.City, row.Business, row.Status))
                .Select(group => group.First() with { Count = group.Sum(row => row.Count) })
                .OrderBy(row => Cities.All.ToList().IndexOf(row.City)).ThenBy(row => row.Business).ThenBy(row => row.Status);
            Assert.Equal(expected, await sut.Counters.GetAsync(Day(first), Day(last), default));
        }

        Assert.Equal(40, (await sut.Counters.GetAsync(Day("2020-02-01"), Day("2020-04-30"), default)).Where(row => row.Status == ShipmentStatus.Delivered).Sum(row => row.Count));
        Assert.Contains(new ProgressCount("武汉", Business.License, ShipmentStatus.Delivered, 1), await sut.Counters.GetAsync(Day("2020-03-16"), Day("2020-03-16"), default));
    }

    internal static ShipmentEvent Event(string trackingNo, ShipmentStatus status, DateTimeOffset time) =>
        new(trackingNo, Business.License, "襄阳", status, time, "襄州区交通路投递站", "已签收，本人收", null, null);

    internal static DateTimeOffset Time(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ProgressCount Count(ShipmentStatus status, long count) => new("襄阳", Business.License, status, count);

    private static Task<TrackingSummary?> FindAsync(StoreUnderTest sut, string trackingNo) => sut.Shipments.FindAsync(trackingNo, default);

    private static StoreUnderTest CreateSut(string implementation, string? prefix = null, TimeProvider? time = null)
    {
        var options = Options.Create(new IngestOptions());
        return implementation == "redis"
            ? StoreUnderTest.Of(new RedisIngestionStore(
                new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = prefix ?? TestRedis.Prefix() })), options))
            : StoreUnderTest.Of(new MemoryIngestionStore(options, time ?? new FakeTimeProvider(DateTimeOffset.UtcNow)));
    }

    /// <summary>One store seen through each of its interfaces.</summary>
    private sealed record StoreUnderTest(IIngestionStore Store, IShipmentLookup Shipments, IInvoiceLookup Invoices, IProgressCounters Counters)
    {
        public static StoreUnderTest Of<T>(T store)
            where T : IIngestionStore, IShipmentLookup, IInvoiceLookup, IProgressCounters => new(store, store, store, store);
    }
}
