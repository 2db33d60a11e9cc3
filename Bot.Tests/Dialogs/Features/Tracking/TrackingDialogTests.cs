using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;

namespace ChatPost.Bot.Tests.Dialogs.Features.Tracking;

public class TrackingDialogTests
{
    private static readonly DateTimeOffset Accepted = new(2020, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Delivered = new(2020, 3, 4, 10, 15, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Tracking_NumberInMessage_ShowsLatestEventAsIngestedAndCount()
    {
        using var harness = Harness();

        await harness.Flow().Send("EA123456785CN到哪了").AssertReply(reply => Assert.Equal(
            "邮件 EA123456785CN（交管证照）\n最新状态：已签收\n时间：2020-03-04 10:15\n地点：襄州区交通路投递站\n" +
            "说明：已签收，签收人：张*，电话138****1234\n共 3 条物流记录。", reply.AsMessageActivity().Text)).StartTestAsync();
    }

    [Theory]
    [InlineData("郵件EA123456785CN現在在哪裡")]
    [InlineData("ea 1234 5678 5cn")]
    [InlineData("帮我查一下 ＥＡ１２３４５６７８５ＣＮ")]
    public async Task Tracking_TraditionalSpacedOrFullWidth_FindsTheSameItem(string text)
    {
        using var harness = Harness();

        await harness.Flow().Send(text).AssertReply(reply => Assert.StartsWith("邮件 EA123456785CN（交管证照）\n最新状态：已签收",
            reply.AsMessageActivity().Text, StringComparison.Ordinal)).StartTestAsync();
    }

    [Fact]
    public async Task Tracking_UnknownNumber_SaysSoPlainly()
    {
        using var harness = Harness();

        await harness.Flow().Send("EB111222332CN").AssertReply(TrackingReplies.NotFound(new("EB111222332CN", Bot.Dialogs.Understanding.TrackingNumberKind.S10, true))).StartTestAsync();
    }

    [Fact]
    public async Task Tracking_UnknownNumberWithWrongCheckDigit_HintsAtTypo()
    {
        using var harness = Harness();

        await harness.Flow().Send("EA123456784CN 到哪了").AssertReply(reply =>
            Assert.Contains("校验位看起来不对", reply.AsMessageActivity().Text, StringComparison.Ordinal)).StartTestAsync();
    }

    [Fact]
    public async Task Tracking_NoNumberThenNumber_AsksThenAnswers()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("查询物流").AssertReply(TrackingReplies.AskNumber)
            .Send("EA123456785CN").AssertReply(reply => Assert.Contains("最新状态：已签收", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("谢谢").AssertReply(FaqReplies.Thanks)
            .StartTestAsync();
    }

    [Fact]
    public async Task Tracking_NoNumberTwice_RepromptsThenGivesUp()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("我的快递到哪了").AssertReply(TrackingReplies.AskNumber)
            .Send("不知道单号啊").AssertReply(TrackingReplies.AskNumberAgain)
            .Send("找不到").AssertReply(TrackingReplies.GiveUp)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("算了")]
    [InlineData("取消")]
    public async Task Tracking_UserCancelsMidway_EndsWithoutLookup(string cancel)
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("查询物流").AssertReply(TrackingReplies.AskNumber)
            .Send(cancel).AssertReply(FaqReplies.Cancelled)
            .Send("EA123456785CN").AssertReply(reply => Assert.Contains("已签收", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task Tracking_UserChangesSubjectMidway_AnswersTheNewQuestion()
    {
        using var harness = Harness();
        var postage = harness.Faq.Find("寄发票收邮费吗", Bot.Dialogs.Understanding.Intent.Postage)!.Entry.Answer;

        await harness.Flow()
            .Send("查询物流").AssertReply(TrackingReplies.AskNumber)
            .Send("寄发票收邮费吗").AssertReply(postage + "\n\n" + TrackingReplies.Reminder)
            .StartTestAsync();
    }

    [Fact]
    public async Task Tracking_TwoNumbersInOneMessage_AnswersBoth()
    {
        using var harness = Harness();

        await harness.Flow().Send("EA123456785CN 和 9876543210123 都到哪了").AssertReply(reply =>
        {
            var text = reply.AsMessageActivity().Text;
            Assert.Contains("邮件 EA123456785CN", text, StringComparison.Ordinal);
            Assert.Contains("邮件 9876543210123（教材）", text, StringComparison.Ordinal);
        }).StartTestAsync();
    }

    [Fact]
    public async Task Tracking_OverTheLookupQuota_RefusesForNow()
    {
        using var harness = Harness(lookupsPerMinute: 2);

        await harness.Flow()
            .Send("EA123456785CN").AssertReply(reply => Assert.Contains("已签收", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("9876543210123").AssertReply(reply => Assert.Contains("教材", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("EB111222332CN").AssertReply(PrivacyReplies.TooManyLookups)
            .StartTestAsync();
    }

    private static ConversationHarness Harness(int lookupsPerMinute = 20) => new(new FakePostalRecords().Add(
        Event("EA123456785CN", Business.License, ShipmentStatus.Accepted, Accepted, "襄阳市邮政分公司", "收寄"),
        Event("EA123456785CN", Business.License, ShipmentStatus.OutForDelivery, Delivered.AddHours(-3), "襄州区交通路投递站", "投递员张师傅派送中"),
        Event("EA123456785CN", Business.License, ShipmentStatus.Delivered, Delivered, "襄州区交通路投递站", "已签收，签收人：张三，电话13800001234"),
        Event("9876543210123", Business.Textbook, ShipmentStatus.InTransit, Accepted, "武汉邮区中心局", "运输中")), lookupsPerMinute);

    private static ShipmentEvent Event(string number, Business business, ShipmentStatus status, DateTimeOffset time, string location, string description) =>
        new(number, business, "襄阳", status, time, location, description, "13800001234", null);
}
