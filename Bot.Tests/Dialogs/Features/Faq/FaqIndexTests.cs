using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;

namespace ChatPost.Bot.Tests.Dialogs.Features.Faq;

public class FaqIndexTests
{
    [Theory]
    [InlineData("寄发票收邮费吗", Intent.Postage, "invoice-postage-free")]
    [InlineData("邮寄驾驶证要多少钱", Intent.Postage, "license-postage")]
    [InlineData("网上怎么领发票", Intent.InvoiceHowTo, "invoice-apply-by-mail")]
    [InlineData("电子税务局申领发票选邮寄是免费的吗", Intent.Postage, "invoice-postage-free")]
    [InlineData("驾驶证到期了，现在车管所不开门怎么办", Intent.LicenseHowTo, "license-renewal-by-mail")]
    [InlineData("六年免检标志可以网上申请吗", Intent.LicenseHowTo, "six-year-inspection-label")]
    [InlineData("孩子的课本什么时候送到家", Intent.Textbook, "textbook-delivery")]
    [InlineData("学校的教辅资料是邮政送吗", Intent.Textbook, "study-material-delivery")]
    [InlineData("你们客服电话多少", Intent.Other, "contacts")]
    [InlineData("家裡沒人怎麼辦", Intent.Other, "not-home")]
    [InlineData("投递员上门那天我不在家", Intent.Other, "not-home")]
    public void Find_CitizenQuestion_ReturnsTheEntryThatAnswersIt(string question, Intent intent, string expectedId)
    {
        using var harness = new ConversationHarness();

        var match = harness.Faq.Find(question, intent);

        Assert.Equal(expectedId, match?.Entry.Id);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("股票明天会涨吗")]
    [InlineData("我没时间")]
    public void Find_UnrelatedQuestionWithoutIntent_ReturnsNull(string question)
    {
        using var harness = new ConversationHarness();

        Assert.Null(harness.Faq.Find(question, Intent.Other));
    }

    [Theory]
    [InlineData("要多久能寄到", Intent.DeliveryTime, Business.License, "license-how-long")]
    [InlineData("要多久能寄到", Intent.DeliveryTime, Business.Invoice, "invoice-how-long")]
    [InlineData("送到家要付钱吗", Intent.Postage, Business.License, "license-postage")]
    public void Find_IntentAcrossLines_TakesTheEntryOfTheLineNamed(string question, Intent intent, Business business, string expectedId)
    {
        using var harness = new ConversationHarness();

        var match = harness.Faq.Find(question, intent, business);

        Assert.Equal(expectedId, match?.Entry.Id);
    }

    [Fact]
    public void Find_RedirectSharingNoWord_ReturnsTheIntentsOnlyEntry()
    {
        using var harness = new ConversationHarness();

        Assert.Equal("send-parcel", harness.Faq.Find("我想寄点年货给亲戚", Intent.SendParcel)?.Entry.Id);
        Assert.Null(harness.Faq.Find("我想寄点年货给亲戚", Intent.Other));
    }

    [Theory]
    [InlineData("寄发票收邮费吗", "invoice-postage-free")]
    [InlineData("驾驶证到期了，现在车管所不开门怎么办", "license-renewal-by-mail")]
    [InlineData("孩子的课本什么时候送到家", "textbook-delivery")]
    [InlineData("发票可以邮寄吗，要怎么操作", "invoice-apply-by-mail")]
    public async Task Faq_QuestionThroughTheBot_AnswersWithTheEntry(string question, string expectedId)
    {
        using var harness = new ConversationHarness();
        var expected = harness.Faq.Find(question, new CitizenRecognizer().Recognize(question, new DateOnly(2020, 3, 4)).Intent)!.Entry;

        await harness.Flow().Send(question).AssertReply(expected.Answer).StartTestAsync();

        Assert.Equal(expectedId, expected.Id);
    }
}
