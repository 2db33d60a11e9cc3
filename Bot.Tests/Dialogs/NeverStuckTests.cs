using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Features.Handoff;
using ChatPost.Bot.Dialogs.Features.Invoices;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Tests.Dialogs;

/// <summary>
/// Conversation scripts of issue 13's "never stuck": a waiting "send your number" does not swallow a message that is
/// clearly something else; requests outside the records get a redirect; two questions in one message are both answered.
/// </summary>
public class NeverStuckTests
{
    [Theory]
    [InlineData("邮局几点开门", "post-office")]
    [InlineData("发票免费邮寄到什么时候", "invoice-postage-free")]
    [InlineData("我要寄快递", "send-parcel")]
    [InlineData("社保卡怎么补办", "other-government-services")]
    [InlineData("客服电话多少", "contacts")]
    public async Task WaitingForNumber_ClearlyAnotherQuestion_AnswersItAndDropsTheWaitInOneLine(string question, string entryId)
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("我的快递到哪了").AssertReply(TrackingReplies.AskNumber)
            .Send(question).AssertReply(Answer(harness, entryId) + "\n\n" + TrackingReplies.Reminder)
            .Send("嗯嗯").AssertReply(FaqReplies.NoMatch + "\n" + GreetingReplies.Menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task WaitingForInvoiceNumber_PostageQuestion_AnswersWithTheInvoiceReminder()
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("查一下我的发票").AssertReply(InvoiceReplies.AskNumber)
            .Send("发票邮寄要钱吗").AssertReply(Answer(harness, "invoice-postage-free") + "\n\n" + InvoiceReplies.Reminder)
            .StartTestAsync();
    }

    [Fact]
    public async Task WaitingForNumber_GreetingOrThanks_AnsweredAndTheWaitDropped()
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("我的快递到哪了").AssertReply(TrackingReplies.AskNumber)
            .Send("你好").AssertReply(GreetingReplies.FirstHello).AssertReply(TrackingReplies.Reminder)
            .Send("我的快递到哪了").AssertReply(TrackingReplies.AskNumber)
            .Send("谢谢").AssertReply(FaqReplies.Thanks + "\n\n" + TrackingReplies.Reminder)
            .StartTestAsync();
    }

    [Fact]
    public async Task WaitingForNumber_Complaint_HandsOffAfterTheReminder()
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("我的快递到哪了").AssertReply(TrackingReplies.AskNumber)
            .Send("我要投诉").AssertReply(TrackingReplies.Reminder)
            .AssertReply(activity => Assert.Equal(ActivityTypes.Handoff, activity.Type))
            .StartTestAsync();
    }

    [Fact]
    public async Task WaitingForNumber_SomethingUnclear_AsksOnceMoreThenGivesUp()
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("我的快递到哪了").AssertReply(TrackingReplies.AskNumber)
            .Send("在短信里吧我找找").AssertReply(TrackingReplies.AskNumberAgain)
            .Send("还是找不到").AssertReply(TrackingReplies.GiveUp)
            .StartTestAsync();
    }

    [Fact]
    public async Task WaitingForNumber_TheNumber_IsLookedUp()
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("我的快递到哪了").AssertReply(TrackingReplies.AskNumber)
            .Send("EA000000000CN").AssertReply(reply => Assert.Contains("EA000000000CN", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("我想寄个包裹到北京", "send-parcel")]
    [InlineData("附近的邮局在哪里", "post-office")]
    [InlineData("身份证过期了怎么办", "other-government-services")]
    [InlineData("违章罚款在哪里交", "traffic-violations")]
    public async Task NotAboutTheRecords_GetsARedirectNotALookup(string question, string entryId)
    {
        using var harness = new ConversationHarness();

        await harness.Flow().Send(question).AssertReply(Answer(harness, entryId)).StartTestAsync();
    }

    [Fact]
    public async Task ComplaintOutsideAgentHours_GivesTheHotline()
    {
        using var harness = new ConversationHarness();
        harness.Time.SetUtcNow(new DateTimeOffset(2020, 3, 4, 22, 30, 0, TimeSpan.FromHours(8)));

        await harness.Flow().Send("我要投诉你们投递员").AssertReply(HandoffReplies.OutsideHours).StartTestAsync();
    }

    [Theory]
    [InlineData("邮局几点开门？发票免费邮寄到什么时候", "post-office", "invoice-postage-free")]
    [InlineData("课本什么时候送到家 另外要不要钱", "textbook-delivery", "textbook-postage")]
    public async Task TwoQuestionsInOneMessage_BothAnswered(string message, string first, string second)
    {
        using var harness = new ConversationHarness();

        await harness.Flow().Send(message).AssertReply(Answer(harness, first) + "\n\n" + Answer(harness, second)).StartTestAsync();
    }

    [Fact]
    public async Task TwoQuestionsOneALookup_AnswersTheQuestionThenAsksForTheNumber()
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("发票邮寄要钱吗，还有我的快递到哪了").AssertReply(Answer(harness, "invoice-postage-free")).AssertReply(TrackingReplies.AskNumber)
            .StartTestAsync();
    }

    [Fact]
    public async Task FollowUp_NamesAnotherLine_AnswersTheSameQuestionForIt()
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("发票邮寄要钱吗").AssertReply(Answer(harness, "invoice-postage-free"))
            .Send("那驾驶证呢").AssertReply(Answer(harness, "license-postage"))
            .StartTestAsync();
    }

    private static string Answer(ConversationHarness harness, string entryId) => harness.Faq.Entries.Single(entry => entry.Id == entryId).Answer;
}
