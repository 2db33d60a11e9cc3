using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Tests.Dialogs.Features.Notifications;

/// <summary>Opting in where it is natural, listing and cancelling watches, as conversation scripts.</summary>
public class NotificationCommandsTests
{
    private const string User = "user1"; // TestFlow's user
    private static readonly DateTimeOffset Posted = new(2020, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Offer_ItemNotDeliveredYet_AnswerEndsWithTheOffer()
    {
        using var harness = Harness();

        await harness.Flow().Send("EB111222332CN到哪了").AssertReply(reply =>
        {
            var text = reply.AsMessageActivity().Text;
            Assert.StartsWith("邮件 EB111222332CN（交管证照）\n最新状态：运输中", text, StringComparison.Ordinal);
            Assert.EndsWith("\n" + NotificationReplies.Offer, text, StringComparison.Ordinal);
        }).StartTestAsync();
    }

    [Theory]
    [InlineData("EA123456785CN到哪了")] // delivered
    [InlineData("EC222333444CN")] // returned
    [InlineData("FP20200220000088 发票进度")] // rejected
    [InlineData("FP20200210000001")] // delivered
    public async Task Offer_ItemThatArrivedOrEnded_IsNotMade(string question)
    {
        using var harness = Harness();

        await harness.Flow()
            .Send(question).AssertReply(reply => Assert.DoesNotContain("提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒").AssertReply(NotificationReplies.NothingToWatch)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("提醒")]
    [InlineData("好的，提醒我")]
    [InlineData("有进展通知我")]
    [InlineData("到了告诉我")]
    public async Task OptIn_AfterAnAnswer_WatchesThatItemFromTheStateShown(string optIn)
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("EB111222332CN到哪了").AssertReply(reply => Assert.EndsWith(NotificationReplies.Offer, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send(optIn).AssertReply(NotificationReplies.Added(WatchedItem.Shipment("EB111222332CN")) + "\n" + NotificationReplies.Footer)
            .Send("提醒").AssertReply(NotificationReplies.AlreadyWatching(WatchedItem.Shipment("EB111222332CN")))
            .StartTestAsync();

        var watch = Assert.Single(await harness.Watches.ListAsync(User, default));
        Assert.Equal(new ItemState(Posted.AddHours(5), (int)ShipmentStatus.InTransit), watch.Told);
        Assert.Equal(harness.Time.GetUtcNow().AddDays(30), watch.Until);
    }

    [Fact]
    public async Task OptIn_NumberInTheMessage_WatchesItWithoutAnAnswerFirst()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("提醒 EB111222332CN").AssertReply(NotificationReplies.Added(WatchedItem.Shipment("EB111222332CN")) + "\n" + NotificationReplies.Footer)
            .Send("提醒 EA123456785CN").AssertReply(NotificationReplies.NoNeed(WatchedItem.Shipment("EA123456785CN"), (int)ShipmentStatus.Delivered))
            .Send("提醒我 EB999999999CN").AssertReply(reply => Assert.StartsWith("没有查到邮件 EB999999999CN", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(["s:EB111222332CN"], (await harness.Watches.ListAsync(User, default)).Select(watch => watch.Item.Key));
    }

    [Fact]
    public async Task OptIn_WithANumber_WhileTheBotWaitsForATrackingNumber_WatchesIt()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("我的快递到哪了").AssertReply(TrackingReplies.AskNumber)
            .Send("提醒 EB111222332CN").AssertReply(NotificationReplies.Added(WatchedItem.Shipment("EB111222332CN")) + "\n" + NotificationReplies.Footer)
            .AssertReply(TrackingReplies.Reminder)
            .StartTestAsync();

        Assert.Equal(["s:EB111222332CN"], (await harness.Watches.ListAsync(User, default)).Select(watch => watch.Item.Key));
    }

    [Fact]
    public async Task OptIn_InvoiceNotMailedYet_WatchesTheApplication_MailedOne_WatchesItsParcel()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("FP20200302000007").AssertReply(reply => Assert.EndsWith(NotificationReplies.Offer, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒").AssertReply(reply => Assert.StartsWith(NotificationReplies.Added(WatchedItem.InvoiceApplication("FP20200302000007")), reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("FP20200217000123").AssertReply(reply => Assert.EndsWith(NotificationReplies.Offer, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒").AssertReply(reply => Assert.StartsWith(NotificationReplies.Added(WatchedItem.Shipment("1173456789012")), reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(["i:FP20200302000007", "s:1173456789012"], (await harness.Watches.ListAsync(User, default)).Select(watch => watch.Item.Key));
    }

    [Fact]
    public async Task List_SeveralWatches_ShowsEachWithItsStateAndEnd()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("我的提醒").AssertReply(NotificationReplies.NoWatches)
            .Send("提醒 EB111222332CN").AssertReply(reply => Assert.Contains("已加入提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒 FP20200302000007").AssertReply(reply => Assert.Contains("已加入提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("我的提醒").AssertReply(
                "您正在关注：\n1. 邮件 EB111222332CN：运输中（2020-03-03 14:00），提醒至 4月3日\n" +
                "2. 发票申请 FP20200302000007：已审核（2020-03-03 09:00），提醒至 4月3日\n" +
                "回复「取消提醒」全部停止，或「取消提醒 + 单号」停止一件。")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_OneNamedThenAll_StopsThoseWatches()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("提醒 EB111222332CN").AssertReply(reply => Assert.Contains("已加入提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒 FP20200302000007").AssertReply(reply => Assert.Contains("已加入提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒 ED555666777CN").AssertReply(reply => Assert.Contains("已加入提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("取消提醒 EB111222332CN").AssertReply(NotificationReplies.Cancelled(WatchedItem.Shipment("EB111222332CN")))
            .Send("取消提醒 EB111222332CN").AssertReply(NotificationReplies.NotWatching(WatchedItem.Shipment("EB111222332CN")))
            .Send("不用再提醒了").AssertReply(NotificationReplies.CancelledAll(2))
            .Send("取消全部提醒").AssertReply(NotificationReplies.NoWatches)
            .StartTestAsync();

        Assert.Empty(await harness.Watches.ListAsync(User, default));
    }

    [Fact]
    public async Task OptIn_BeyondTheLimit_SaysSoAndKeepsTheOthers()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("提醒 EB111222332CN ED555666777CN").AssertReply(reply => Assert.EndsWith(NotificationReplies.Footer, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒 FP20200302000007").AssertReply(reply => Assert.Contains("已加入提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒 EE777888999CN").AssertReply(NotificationReplies.LimitReached(WatchedItem.Shipment("EE777888999CN"), ConversationHarness.MaxWatches))
            .StartTestAsync();

        Assert.Equal(ConversationHarness.MaxWatches, (await harness.Watches.ListAsync(User, default)).Count);
    }

    [Fact]
    public async Task OptIn_OverTheLookupQuota_WatchesNothing()
    {
        using var harness = Harness(lookupsPerMinute: 1);

        await harness.Flow()
            .Send("EB111222332CN到哪了").AssertReply(reply => Assert.EndsWith(NotificationReplies.Offer, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒").AssertReply(PrivacyReplies.TooManyLookups)
            .StartTestAsync();

        Assert.Empty(await harness.Watches.ListAsync(User, default));
    }

    [Fact]
    public async Task OptIn_OfferOlderThanItsLifetime_IsNotTaken()
    {
        using var harness = Harness();
        var flow = harness.Flow();

        await flow.Send("EB111222332CN到哪了").AssertReply(reply => Assert.EndsWith(NotificationReplies.Offer, reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
        harness.Time.Advance(TimeSpan.FromHours(1));
        await flow.Send("提醒").AssertReply(NotificationReplies.NothingToWatch).StartTestAsync();
    }

    [Fact]
    public async Task Unfollow_WithWatches_RemovesEveryWatch()
    {
        using var harness = Harness();
        var unfollow = new Activity(ActivityTypes.ConversationUpdate) { MembersRemoved = [new ChannelAccount(User)] };

        await harness.Flow()
            .Send("提醒 EB111222332CN").AssertReply(reply => Assert.Contains("已加入提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("提醒 FP20200302000007").AssertReply(reply => Assert.Contains("已加入提醒", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send(unfollow)
            .Send("我的提醒").AssertReply(NotificationReplies.NoWatches)
            .StartTestAsync();
    }

    [Fact]
    public async Task Watch_WhileATrackingQuestionWaits_DropsTheQuestion()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("查询物流").AssertReply(TrackingReplies.AskNumber)
            .Send("我的提醒").AssertReply(NotificationReplies.NoWatches).AssertReply(TrackingReplies.Reminder)
            .Send("谢谢").AssertReply(reply => Assert.DoesNotContain("邮件号", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    private static ConversationHarness Harness(int lookupsPerMinute = 20) => new(new FakePostalRecords()
        .Add(Event("EA123456785CN", ShipmentStatus.Delivered, Posted.AddDays(1)))
        .Add(Event("EB111222332CN", ShipmentStatus.Accepted, Posted), Event("EB111222332CN", ShipmentStatus.InTransit, Posted.AddHours(5)))
        .Add(Event("EC222333444CN", ShipmentStatus.Returned, Posted.AddDays(1)))
        .Add(Event("ED555666777CN", ShipmentStatus.OutForDelivery, Posted.AddDays(1)))
        .Add(Event("EE777888999CN", ShipmentStatus.Accepted, Posted))
        .Add(new InvoiceApplication("FP20200210000001", "91429005MA4951234A", null, "潜江", InvoiceStatus.Delivered, Posted.AddDays(-10), "1173456780000", null))
        .Add(new InvoiceApplication("FP20200217000123", "91429005MA4951234A", null, "潜江", InvoiceStatus.Mailed, Posted.AddDays(-14), "1173456789012", null))
        .Add(new InvoiceApplication("FP20200220000088", "420104198001011234", "王小明", "武汉", InvoiceStatus.Rejected, Posted.AddDays(-12), null, "发票领用数量超过核定数量"))
        .Add(new InvoiceApplication("FP20200302000007", "91420100MA4K123456", null, "武汉", InvoiceStatus.Approved, Posted, null, null)), lookupsPerMinute);

    private static ShipmentEvent Event(string number, ShipmentStatus status, DateTimeOffset time) =>
        new(number, Business.License, "襄阳", status, time, "襄阳市邮政分公司", "扫描", null, null);
}
