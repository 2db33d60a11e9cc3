using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Notifications;

namespace ChatPost.Bot.Tests.Notifications;

/// <summary>The rules of watches and notifications, on one user's record.</summary>
public class UserWatchesTests
{
    private static readonly DateTimeOffset Now = new(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Posted = Now.AddDays(-1);
    private static readonly NotificationOptions Options = new() { CustomerServicePerMessage = 2 };

    [Theory]
    [InlineData(1, true, NoticeRoute.CustomerService)] // wrote an hour ago
    [InlineData(47, true, NoticeRoute.CustomerService)]
    [InlineData(48, true, NoticeRoute.Template)] // the window has closed
    [InlineData(48, false, NoticeRoute.Deferred)]
    [InlineData(1, false, NoticeRoute.CustomerService)]
    public void Decide_ByTheTimeOfTheUsersLastMessage_PicksTheWayWeChatAllows(int hoursSinceMessage, bool template, NoticeRoute expected)
    {
        var sut = Watching(hoursSinceMessage);

        var route = sut.Decide(Change(ShipmentStatus.OutForDelivery, Posted.AddHours(20)), "1-0", Now, Options, template, customerServiceAllowed: true);

        Assert.Equal(expected, route);
    }

    [Fact]
    public void Decide_QuotaOfTheMessageUsed_FallsBackUntilTheUserWritesAgain()
    {
        var sut = Watching(1);

        var routes = new[] { Posted.AddHours(1), Posted.AddHours(2), Posted.AddHours(3) }
            .Select((time, i) => sut.Decide(Change(ShipmentStatus.Exception, time), $"{i}-0", Now, Options, templateAllowed: false, customerServiceAllowed: true))
            .ToList();
        var written = Reread(sut, UserWatches.SentField, "0"); // the turn gate's stamp zeroes the count
        var afterMessage = written.Decide(Change(ShipmentStatus.OutForDelivery, Posted.AddHours(4)), "3-0", Now, Options, false, true);

        Assert.Equal([NoticeRoute.CustomerService, NoticeRoute.CustomerService, NoticeRoute.Deferred], routes);
        Assert.Equal(NoticeRoute.CustomerService, afterMessage);
    }

    [Fact]
    public void Decide_OlderOrSameStateFromAnotherItem_IsNotToldAgain()
    {
        var sut = Watching(1);
        var newer = Change(ShipmentStatus.OutForDelivery, Posted.AddHours(20));
        sut.Decide(newer, "1-0", Now, Options, false, true);

        var again = sut.Decide(newer, "2-0", Now, Options, false, true);
        var older = sut.Decide(Change(ShipmentStatus.Exception, Posted.AddHours(10)), "3-0", Now, Options, false, true);
        var sameItemRetried = sut.Decide(newer, "1-0", Now, Options, false, true);

        Assert.Equal((NoticeRoute.None, NoticeRoute.None), (again, older));
        Assert.Equal(NoticeRoute.CustomerService, sameItemRetried);
    }

    [Fact]
    public void Decide_StateThatWaited_IsToldByTheNextItemForIt()
    {
        var sut = Watching(48);
        var change = Change(ShipmentStatus.Delivered, Posted.AddHours(20));
        var kept = sut.Decide(change, "1-0", Now, Options, false, true);
        var waitingAfterIt = sut.Pending();

        var written = Reread(sut, UserWatches.SeenField, Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var released = written.Decide(change, "9-0", Now, Options, false, true);
        var again = written.Decide(change, "10-0", Now, Options, false, true);

        Assert.Equal(NoticeRoute.Deferred, kept);
        Assert.Equal([WatchedItem.Shipment("EA123456785CN")], waitingAfterIt);
        Assert.Equal("1", sut.Changes[UserWatches.DeferredField]);
        Assert.Equal((NoticeRoute.CustomerService, NoticeRoute.None), (released, again));
        Assert.Empty(written.Pending());
        Assert.Null(written.Changes[UserWatches.DeferredField]);
    }

    [Fact]
    public void Decide_ItemNotWatchedOrWatchExpired_IsUnwatched()
    {
        var sut = Watching(1);

        var other = sut.Decide(ItemChange.Of(Event("EB111222332CN", ShipmentStatus.Delivered, Now)), "1-0", Now, Options, false, true);
        var expired = sut.Decide(Change(ShipmentStatus.Delivered, Now), "2-0", Now.AddDays(30), Options, false, true);

        Assert.Equal((NoticeRoute.Unwatched, NoticeRoute.Unwatched), (other, expired));
    }

    [Fact]
    public void AfterTold_FinalState_EndsTheWatch_NonFinal_KeepsIt()
    {
        var sut = Watching(1);
        var outForDelivery = Change(ShipmentStatus.OutForDelivery, Posted.AddHours(20));
        var delivered = Change(ShipmentStatus.Delivered, Posted.AddHours(22));

        sut.Decide(outForDelivery, "1-0", Now, Options, false, true);
        var endedEarly = sut.AfterTold(outForDelivery, "1-0", Now);
        sut.Decide(delivered, "2-0", Now, Options, false, true);
        var endedByOtherItem = sut.AfterTold(delivered, "1-0", Now);
        var ended = sut.AfterTold(delivered, "2-0", Now);

        Assert.Equal((false, false, true), (endedEarly, endedByOtherItem, ended));
        Assert.True(sut.IsEmpty);
    }

    [Fact]
    public void AfterTold_ApplicationMailed_MovesTheWatchToItsParcel()
    {
        var sut = UserWatches.From([]);
        var application = new InvoiceApplication("FP20200217000123", "", null, "潜江", InvoiceStatus.Issued, Posted, null, null);
        sut.Add(WatchedItem.InvoiceApplication(application.ApplicationNo), ItemState.Of(application), Now.AddHours(-1), Options);
        var mailed = ItemChange.Of(application with { Status = InvoiceStatus.Mailed, Time = Posted.AddHours(5), TrackingNo = "1173456789012" });

        sut.Decide(mailed, "1-0", Now, Options, false, true);
        var moved = sut.AfterTold(mailed, "1-0", Now);

        Assert.True(moved);
        var watch = Assert.Single(sut.Live(Now, Options));
        Assert.Equal(WatchedItem.Shipment("1173456789012"), watch.Item);
        Assert.Equal(new ItemState(Posted.AddHours(5), (int)ShipmentStatus.Accepted), watch.Told);
    }

    [Fact]
    public void CloseWindow_WeChatRefused_NoCustomerServiceMessageUntilTheUserWrites()
    {
        var sut = Watching(1);

        sut.CloseWindow(Options);
        var route = sut.Decide(Change(ShipmentStatus.OutForDelivery, Posted.AddHours(20)), "1-0", Now, Options, true, true);

        Assert.Equal(NoticeRoute.Template, route);
    }

    [Fact]
    public void Changes_AnyOperation_MovesTheVersionOnOnce()
    {
        var sut = Watching(1);
        var before = sut.Changes[UserWatches.VersionField];

        var next = Reread(sut, UserWatches.SentField, "0");
        next.Decide(Change(ShipmentStatus.OutForDelivery, Posted.AddHours(20)), "1-0", Now, Options, false, true);

        Assert.Equal("1", before);
        Assert.Equal("2", next.Changes[UserWatches.VersionField]);
    }

    /// <summary>A user who watches EA123456785CN since it was posted, and last wrote <paramref name="hoursSinceMessage"/> hours ago.</summary>
    private static UserWatches Watching(int hoursSinceMessage)
    {
        var record = UserWatches.From([]);
        record.Add(WatchedItem.Shipment("EA123456785CN"), new ItemState(Posted, (int)ShipmentStatus.Accepted), Now.AddHours(-hoursSinceMessage), Options);
        return record;
    }

    /// <summary>The record as a store would read it back after writing its changes, with one field set by someone else.</summary>
    private static UserWatches Reread(UserWatches record, string field, string value)
    {
        var fields = record.Changes.Where(change => change.Value is not null).ToDictionary(change => change.Key, change => change.Value!);
        fields[field] = value;
        return UserWatches.From(fields);
    }

    private static ItemChange Change(ShipmentStatus status, DateTimeOffset time) => ItemChange.Of(Event("EA123456785CN", status, time));

    private static ShipmentEvent Event(string number, ShipmentStatus status, DateTimeOffset time) =>
        new(number, Business.License, "襄阳", status, time, "襄州区交通路投递站", "扫描", "13800001234", null);
}
