using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Notifications;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Notifications;

/// <summary>Both stores of watches, Redis and its in-memory twin, through the same tests.</summary>
public class WatchStoreTests
{
    private static readonly WatchedItem Parcel = WatchedItem.Shipment("EA123456785CN");
    private static readonly WatchedItem Application = WatchedItem.InvoiceApplication("FP20200217000123");
    private static readonly ItemState Accepted = new(new DateTimeOffset(2020, 3, 3, 9, 0, 0, TimeSpan.FromHours(8)), (int)ShipmentStatus.Accepted);

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task Add_ThenList_ShowsTheWatchAndIndexesTheWatcher(string implementation)
    {
        var (sut, parts) = Create(implementation);

        var outcome = await sut.AddAsync("oAlice", Parcel, Accepted, default);
        var again = await sut.AddAsync("oAlice", Parcel, Accepted, default);

        Assert.Equal(WatchOutcome.Added, outcome);
        Assert.Equal(WatchOutcome.AlreadyWatching, again);
        var watch = Assert.Single(await sut.ListAsync("oAlice", default));
        Assert.Equal(new Watch(Parcel, Accepted, parts.Time.GetUtcNow() + TimeSpan.FromDays(30)), watch);
        Assert.Equal(["oAlice"], await parts.WatchersAsync(Parcel));
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task Add_ForTheConsolesSandboxUser_KeepsNothingThatWouldMessageIt(string implementation)
    {
        var (sut, parts) = Create(implementation);

        var outcome = await sut.AddAsync("sandbox-0123456789abcdef", Parcel, Accepted, default);

        Assert.Equal(WatchOutcome.Unreachable, outcome);
        Assert.Empty(await sut.ListAsync("sandbox-0123456789abcdef", default));
        Assert.Empty(await parts.WatchersAsync(Parcel)); // a change of the parcel finds nobody to tell
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task Add_BeyondTheLimit_IsRefusedAndLeavesNoIndexEntry(string implementation)
    {
        var (sut, parts) = Create(implementation, maxWatches: 2);
        await sut.AddAsync("oAlice", Parcel, Accepted, default);
        await sut.AddAsync("oAlice", Application, Accepted, default);

        var outcome = await sut.AddAsync("oAlice", WatchedItem.Shipment("EB111222332CN"), Accepted, default);

        Assert.Equal(WatchOutcome.LimitReached, outcome);
        Assert.Equal(2, (await sut.ListAsync("oAlice", default)).Count);
        Assert.Empty(await parts.WatchersAsync(WatchedItem.Shipment("EB111222332CN")));
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task Add_AfterALifetime_TheOldWatchHasEndedAndMadeRoom(string implementation)
    {
        var (sut, parts) = Create(implementation, maxWatches: 1);
        await sut.AddAsync("oAlice", Parcel, Accepted, default);
        parts.Time.Advance(TimeSpan.FromDays(30));

        var listed = await sut.ListAsync("oAlice", default);
        var outcome = await sut.AddAsync("oAlice", Application, Accepted, default);

        Assert.Empty(listed);
        Assert.Equal(WatchOutcome.Added, outcome);
        Assert.Equal([Application], (await sut.ListAsync("oAlice", default)).Select(watch => watch.Item));
        Assert.Empty(await parts.WatchersAsync(Parcel));
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task Remove_OneThenAll_EndsThoseWatchesAndTheirIndexEntries(string implementation)
    {
        var (sut, parts) = Create(implementation);
        await sut.AddAsync("oAlice", Parcel, Accepted, default);
        await sut.AddAsync("oAlice", Application, Accepted, default);
        await sut.AddAsync("oBob", Parcel, Accepted, default);

        var one = await sut.RemoveAsync("oAlice", Parcel, default);
        var none = await sut.RemoveAsync("oAlice", Parcel, default);
        var all = await sut.RemoveAsync("oAlice", null, default);

        Assert.Equal((1, 0, 1), (one, none, all));
        Assert.Empty(await sut.ListAsync("oAlice", default));
        Assert.Equal(["oBob"], await parts.WatchersAsync(Parcel));
        Assert.Empty(await parts.WatchersAsync(Application));
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task ForgetUser_Unfollowed_DeletesWatchesOfferAndIndexEntries(string implementation)
    {
        var (sut, parts) = Create(implementation);
        await sut.AddAsync("oAlice", Parcel, Accepted, default);
        await sut.AddAsync("oAlice", Application, Accepted, default);
        await sut.OfferAsync("oAlice", [Parcel], default);

        await sut.ForgetUserAsync("oAlice", default);

        Assert.Empty(await sut.ListAsync("oAlice", default));
        Assert.Empty(await sut.GetOfferAsync("oAlice", default));
        Assert.Empty(await parts.WatchersAsync(Parcel));
        Assert.Empty(await parts.WatchersAsync(Application));
        if (parts.Redis is { } redis)
        {
            Assert.False(await redis.Database.KeyExistsAsync(RedisKeys.Notifications("oAlice")));
        }
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task Offer_ThenGet_ReturnsTheItemsUntilTheOfferIsOld(string implementation)
    {
        var (sut, parts) = Create(implementation);

        await sut.OfferAsync("oAlice", [Parcel, Application], default);
        var offered = await sut.GetOfferAsync("oAlice", default);

        Assert.Equal([Parcel, Application], offered);
        if (parts.Redis is { } redis)
        {
            Assert.InRange((await redis.Database.KeyTimeToLiveAsync(RedisKeys.NotificationOffer("oAlice")))!.Value, TimeSpan.FromMinutes(29), WatchStore.OfferLifetime);
        }
        else
        {
            parts.Time.Advance(WatchStore.OfferLifetime);
            Assert.Empty(await sut.GetOfferAsync("oAlice", default));
        }
    }

    [Fact]
    public async Task Add_ManyAtOnceFromTwoReplicas_NeverPassesTheLimit()
    {
        var (first, parts) = Create("redis", maxWatches: 5);
        var second = new WatchStore(new RedisWatchRecords(parts.Redis!, Options(5)), Options(5), parts.Time, TestMetrics.Create(), NullLogger<WatchStore>.Instance);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? first : second).AddAsync("oAlice", WatchedItem.Shipment($"EA{i:D9}CN"), Accepted, default)));

        Assert.Equal(5, outcomes.Count(outcome => outcome == WatchOutcome.Added));
        Assert.Equal(5, (await first.ListAsync("oAlice", default)).Count);
    }

    private static (WatchStore Sut, Parts Parts) Create(string implementation, int maxWatches = 5)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        IWatchRecords records;
        Parts parts;
        if (implementation == "memory")
        {
            var memory = new MemoryWatchRecords(time);
            records = memory;
            parts = new Parts(time, null, item => Task.FromResult<IReadOnlyList<string>>(memory.WatchersOf(item)));
        }
        else
        {
            var redis = new RedisConnection(TestRedis.Connection, Microsoft.Extensions.Options.Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() }));
            records = new RedisWatchRecords(redis, Options(maxWatches));
            parts = new Parts(time, redis, async item =>
                [.. (await redis.Database.SetMembersAsync(RedisKeys.Watchers(item.Key))).Select(member => (string)member!).Order()]);
        }

        return (new WatchStore(records, Options(maxWatches), time, TestMetrics.Create(), NullLogger<WatchStore>.Instance), parts);
    }

    private static IOptions<NotificationOptions> Options(int maxWatches) =>
        Microsoft.Extensions.Options.Options.Create(new NotificationOptions { MaxWatchesPerUser = maxWatches });

    private sealed record Parts(FakeTimeProvider Time, RedisConnection? Redis, Func<WatchedItem, Task<IReadOnlyList<string>>> WatchersAsync);
}
