using System.Globalization;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Notifications;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Notifications;

/// <summary>
/// The turn gate stamps each message of a user who watches items in their record, in the round trip it makes anyway, and
/// says whether notifications wait for it: both gates, each over its own records.
/// </summary>
public class MessageStampTests
{
    private static readonly ItemChange Delivered = ItemChange.Of(new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Delivered,
        new DateTimeOffset(2020, 3, 4, 9, 0, 0, TimeSpan.FromHours(8)), "襄州区交通路投递站", "已签收", null, null));

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task EnterAsync_UserWithoutWatches_StampsNothing(string implementation)
    {
        var (gate, _, records, _) = Create(implementation);

        var entry = await gate.EnterAsync(new TurnKeys("wechat-mp", "oNobody", "1"), [], false, default);

        Assert.False(entry.NotificationsWaiting);
        Assert.Null((await records.ReadAsync("oNobody", default)).ReadSeen);
    }

    [Theory]
    [InlineData("redis")]
    [InlineData("memory")]
    public async Task EnterAsync_WatcherWithANotificationKept_StampsTheMessageAndSaysItWaits(string implementation)
    {
        var (gate, watches, records, time) = Create(implementation);
        await watches.AddAsync("oWatcher", Delivered.Item, new ItemState(Delivered.State.Time.AddDays(-1), 0), default);
        time.Advance(TimeSpan.FromHours(49)); // the window closed: the change waits
        var kept = await watches.DecideAsync("oWatcher", Delivered, "1-0", templateAllowed: false, customerServiceAllowed: true, default);
        time.Advance(TimeSpan.FromHours(1));

        var onEvent = await gate.EnterAsync(new TurnKeys("wechat-mp", "oWatcher", "menu|1", UserWrote: false), [], false, default);
        var onMessage = await gate.EnterAsync(new TurnKeys("wechat-mp", "oWatcher", "2"), [], false, default);
        var stamped = (await records.ReadAsync("oWatcher", default)).ReadSeen;
        var nowInWindow = await watches.DecideAsync("oWatcher", Delivered, "3-0", false, true, default);

        Assert.Equal(NoticeRoute.Deferred, kept);
        Assert.False(onEvent.NotificationsWaiting);
        Assert.True(onMessage.NotificationsWaiting);
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), stamped);
        Assert.Equal(NoticeRoute.CustomerService, nowInWindow);
    }

    [Fact]
    public async Task EnterAsync_OnRedis_WatcherAskingInOneStep_IsStampedAndStillAnsweredInOneStepWithoutTheLock()
    {
        // The entry script asks for the lock, the state and the notification record in one EXISTS; a user who has only
        // the record is stamped, and still answered in one step.
        var (gate, watches, records, time) = Create("redis");
        await watches.AddAsync("oAsker", Delivered.Item, new ItemState(Delivered.State.Time.AddDays(-1), 0), default);
        time.Advance(TimeSpan.FromHours(49));
        await watches.DecideAsync("oAsker", Delivered, "1-0", templateAllowed: false, customerServiceAllowed: true, default);
        time.Advance(TimeSpan.FromHours(1));

        var entry = await gate.EnterAsync(new TurnKeys("wechat-mp", "oAsker", "2"), ["EA123456785CN"], true, default);

        Assert.True(entry is { IsFirst: true, InOneStep: true, Lease: null, NotificationsWaiting: true });
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), (await records.ReadAsync("oAsker", default)).ReadSeen);
    }

    private static (ITurnGate Gate, WatchStore Watches, IWatchRecords Records, FakeTimeProvider Time) Create(string implementation)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        var options = Options.Create(new NotificationOptions());
        if (implementation == "memory")
        {
            var records = new MemoryWatchRecords(time);
            return (new MemoryTurnGate(new MemoryDistributedLock(time), records, time), Store(records), records, time);
        }

        var redis = new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() }));
        var stored = new RedisWatchRecords(redis, options);
        return (new RedisTurnGate(redis, new RedisDistributedLock(redis), new PrefetchedState(), time), Store(stored), stored, time);

        WatchStore Store(IWatchRecords records) => new(records, options, time, TestMetrics.Create(), NullLogger<WatchStore>.Instance);
    }
}
