using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Invoices;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;

namespace ChatPost.Bot.Tests.Dialogs.Features.Invoices;

public class InvoiceStatusDialogTests
{
    private static readonly DateTimeOffset Mailed = new(2020, 2, 18, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task InvoiceStatus_MailedApplication_ShowsTrackingNumberAndLatestEvent()
    {
        using var harness = Harness();

        await harness.Flow().Send("我公司上周申请的发票怎么还没收到，申请编号FP20200217000123").AssertReply(reply => Assert.Equal(
            "发票申请 FP20200217000123\n纳税人：华润湖北江汉医药有限公司\n状态：已寄出（2020-02-18 09:00）\n邮件号：1173456789012\n" +
            "最新物流：派送中，2020-02-19 08:30，潜江市园林投递站，投递员李师傅派送中\n" + NotificationReplies.Offer,
            reply.AsMessageActivity().Text)).StartTestAsync();
    }

    [Fact]
    public async Task InvoiceStatus_RejectedApplication_ShowsTheNote()
    {
        using var harness = Harness();

        await harness.Flow().Send("FP20200220000088 发票进度").AssertReply(reply =>
        {
            var text = reply.AsMessageActivity().Text;
            Assert.Contains("状态：未通过", text, StringComparison.Ordinal);
            Assert.Contains("原因：发票领用数量超过核定数量", text, StringComparison.Ordinal);
            Assert.Contains("纳税人：王*", text, StringComparison.Ordinal);
        }).StartTestAsync();
    }

    [Fact]
    public async Task InvoiceStatus_TaxpayerIdAlone_FindsLatestApplication()
    {
        using var harness = Harness();

        await harness.Flow().Send("纳税人识别号 91429005MA4951234A 的发票寄了吗").AssertReply(reply =>
            Assert.StartsWith("发票申请 FP20200217000123", reply.AsMessageActivity().Text, StringComparison.Ordinal)).StartTestAsync();
    }

    [Fact]
    public async Task InvoiceStatus_AskedWithoutNumber_NextMessageCompletesIt()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("发票寄到哪了").AssertReply(InvoiceReplies.AskNumber)
            .Send("91429005MA4951234A").AssertReply(reply =>
                Assert.Contains("邮件号：1173456789012", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task InvoiceStatus_WrongAnswerThenCancel_EndsTheQuestion()
    {
        using var harness = Harness();

        await harness.Flow()
            .Send("税票什么时候到").AssertReply(InvoiceReplies.AskNumber)
            .Send("我不记得了").AssertReply(InvoiceReplies.AskNumberAgain)
            .Send("算了").AssertReply(FaqReplies.Cancelled)
            .StartTestAsync();
    }

    [Fact]
    public async Task InvoiceStatus_UnknownApplication_SaysSoPlainly()
    {
        using var harness = Harness();

        await harness.Flow().Send("FP20200101000001").AssertReply(InvoiceReplies.NotFound("FP20200101000001")).StartTestAsync();
    }

    [Fact]
    public async Task InvoiceStatus_TaxpayerWithoutApplications_SaysSo()
    {
        using var harness = Harness();

        await harness.Flow().Send("91420100MA4K12345K").AssertReply(InvoiceReplies.NoApplicationForTaxpayer("91420100MA4K12345K")).StartTestAsync();
    }

    private static ConversationHarness Harness() => new(new FakePostalRecords()
        .Add(new InvoiceApplication("FP20200210000001", "91429005MA4951234A", "华润湖北江汉医药有限公司", "潜江", InvoiceStatus.Delivered,
            Mailed.AddDays(-8), "1173456780000", null))
        .Add(new InvoiceApplication("FP20200217000123", "91429005MA4951234A", "华润湖北江汉医药有限公司", "潜江", InvoiceStatus.Mailed,
            Mailed, "1173456789012", null))
        .Add(new InvoiceApplication("FP20200220000088", "420104198001011234", "王小明", "武汉", InvoiceStatus.Rejected,
            Mailed.AddDays(2), null, "发票领用数量超过核定数量"))
        .Add(new ShipmentEvent("1173456789012", Business.Invoice, "潜江", ShipmentStatus.OutForDelivery,
            new DateTimeOffset(2020, 2, 19, 8, 30, 0, TimeSpan.FromHours(8)), "潜江市园林投递站", "投递员李师傅派送中", "13800005678", "FP20200217000123")));
}
