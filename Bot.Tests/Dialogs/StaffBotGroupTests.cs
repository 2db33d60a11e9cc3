using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.ManagerBroadcast;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Features.StaffProgress;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Staff;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Moq;

namespace ChatPost.Bot.Tests.Dialogs;

/// <summary>Conversation scripts of the staff bot in WeCom groups (the 智能机器人): a city's group, a province group, an unknown chat.</summary>
public sealed class StaffBotGroupTests
{
    private const string XiangyangChat = "wrXiangyangWorkGroup";
    private const string ProvinceChat = "wrProvinceGroup";
    private const string UnknownChat = "wrNobodyConfiguredThis";
    private static readonly DateOnly Day = new(2020, 3, 4);

    [Fact]
    public async Task Progress_InACitysGroup_MeansThatCityWithoutSayingSo()
    {
        using var harness = Harness(out _, out _);
        var group = Group(harness, XiangyangChat);

        await group.Says("clerk", "进度").AssertReply(reply => Assert.StartsWith("襄阳 3月4日\n交管证照：收寄 30", Text(reply), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Theory]
    [InlineData(XiangyangChat, "进度 全省", "全省 3月4日")]
    [InlineData(XiangyangChat, "进度 武汉", "武汉 3月4日")]
    [InlineData(ProvinceChat, "进度", "全省 3月4日")]
    public async Task Progress_OtherCityProvinceOrProvinceGroup_AnswersWhatWasNamed(string chat, string text, string first)
    {
        using var harness = Harness(out _, out _);

        await Group(harness, chat).Says("clerk", text).AssertReply(reply =>
        {
            Assert.StartsWith(first, Text(reply), StringComparison.Ordinal);
            Assert.DoesNotContain("本群未登记", Text(reply), StringComparison.Ordinal);
        }).StartTestAsync();
    }

    [Fact]
    public async Task Progress_InAnUnknownChat_ProvinceWideAndSaysHowToNameACity()
    {
        using var harness = Harness(out _, out _);

        await Group(harness, UnknownChat).Says("clerk", "进度").AssertReply(reply =>
        {
            Assert.StartsWith("全省 3月4日", Text(reply), StringComparison.Ordinal);
            Assert.EndsWith(StaffProgressReplies.UnknownGroupHint, Text(reply), StringComparison.Ordinal);
        }).StartTestAsync();
    }

    [Fact]
    public async Task Ranking_InACitysGroup_RanksEveryCity()
    {
        using var harness = Harness(out _, out _);

        await Group(harness, XiangyangChat).Says("clerk", "排名").AssertReply(reply =>
            Assert.StartsWith("全省 3月4日\n1. 武汉 投递 90", Text(reply), StringComparison.Ordinal)).StartTestAsync();
    }

    [Fact]
    public async Task ProgressChart_AttachesTheAnnouncementsChartsOfThatLine()
    {
        using var harness = Harness(out _, out var announcement);

        await Group(harness, XiangyangChat).Says("clerk", "交管进度 图表").AssertReply(reply =>
        {
            Assert.StartsWith("襄阳交管证照 3月4日", Text(reply), StringComparison.Ordinal);
            var image = Assert.Single(reply.AsMessageActivity().Attachments);
            Assert.Equal("image/png", image.ContentType);
            Assert.Equal(Png, image.Content);
        }).StartTestAsync();

        announcement.Verify(a => a.GetChartsAsync(Day, Business.License, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task DailyAnnouncement_TheGroupsCitysTextAsMarkdown()
    {
        using var harness = Harness(out _, out _);

        await Group(harness, XiangyangChat).Says("clerk", "每日通报").AssertReply(reply =>
        {
            Assert.Equal("# 每日通报 襄阳 <font color=\"info\">↑5</font>", Text(reply));
            Assert.Equal(TextFormatTypes.Markdown, reply.AsMessageActivity().TextFormat);
        }).StartTestAsync();
    }

    [Theory]
    [InlineData("EA123456785CN到哪了")]
    [InlineData("FP20200217000123")]
    [InlineData("寄发票收邮费吗")]
    public async Task LookupsAndFaq_AnsweredExactlyAsCitizensAreAnswered(string question)
    {
        using var harness = Harness(out _, out _);
        string? citizens = null;
        // Citizens are offered to watch an item on its way; staff, who get no notifications, are not.
        await harness.Flow().Send(question).AssertReply(reply => citizens = Text(reply).Replace("\n" + NotificationReplies.Offer, "", StringComparison.Ordinal))
            .StartTestAsync();

        await Group(harness, XiangyangChat).Says("clerk", question).AssertReply(reply => Assert.Equal(citizens, Text(reply))).StartTestAsync();

        Assert.DoesNotContain("13800001234", citizens, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", citizens, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_AskedWithoutANumber_TheNextMessageAnswersIt()
    {
        using var harness = Harness(out _, out _);
        var group = Group(harness, XiangyangChat);

        group.Says("clerk", "查一下快递").AssertReply(reply => Assert.Contains("邮件号", Text(reply), StringComparison.Ordinal));
        await group.Says("clerk", "EA123456785CN").AssertReply(reply => Assert.StartsWith("邮件 EA123456785CN", Text(reply), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task Broadcast_InAGroup_PreviewWithButtonsBystandersRefusedAndAuditedAskerConfirms()
    {
        using var harness = Harness(out var broadcasts, out _);
        var group = Group(harness, XiangyangChat);

        group.Says(StaffSetup.ProvinceManager, "广播 襄阳：今晚加班，明早8点前清零").AssertReply(reply =>
        {
            Assert.StartsWith("将立即发送给 1 个工作群", Text(reply), StringComparison.Ordinal);
            Assert.Equal(["确认", "取消"], reply.AsMessageActivity().SuggestedActions.Actions.Select(action => (string)action.Value));
        });
        group.Says("clerk", "确认").AssertReply(reply =>
        {
            Assert.Equal(BroadcastReplies.OnlyTheAsker, Text(reply));
            Assert.NotNull(reply.AsMessageActivity().SuggestedActions);
        });
        group.Says(StaffSetup.WuhanManager, "取消").AssertReply(BroadcastReplies.OnlyTheAsker);
        group.Says("clerk", "进度").AssertReply(reply => Assert.StartsWith("襄阳 3月4日", Text(reply), StringComparison.Ordinal));
        await group.Says(StaffSetup.ProvinceManager, "确认").AssertReply(reply => Assert.StartsWith("已受理（编号 b1）", Text(reply), StringComparison.Ordinal))
            .StartTestAsync();

        broadcasts.Verify(b => b.SubmitAsync(It.Is<BroadcastRequest>(r => r.RequestedBy == StaffSetup.ProvinceManager && r.Text == "今晚加班，明早8点前清零"),
            It.IsAny<CancellationToken>()), Times.Once);
        broadcasts.Verify(b => b.RecordRefusalAsync("clerk", It.Is<string>(reason => reason.StartsWith("confirm of province-boss's draft", StringComparison.Ordinal)),
            It.IsAny<CancellationToken>()), Times.Once);
        broadcasts.Verify(b => b.RecordRefusalAsync(StaffSetup.WuhanManager, It.Is<string>(reason => reason.StartsWith("cancel of", StringComparison.Ordinal)),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Broadcast_BystanderStartsALookupMeanwhile_AskerCanStillConfirm()
    {
        using var harness = Harness(out var broadcasts, out _);
        var group = Group(harness, XiangyangChat);

        group.Says(StaffSetup.ProvinceManager, "通报 全省明日起恢复揽收").AssertReply(reply => Assert.StartsWith("将立即发送给", Text(reply), StringComparison.Ordinal));
        group.Says("clerk", "查快递").AssertReply(reply => Assert.Contains("邮件号", Text(reply), StringComparison.Ordinal));
        await group.Says(StaffSetup.ProvinceManager, "确认").AssertReply(reply => Assert.StartsWith("已受理", Text(reply), StringComparison.Ordinal))
            .StartTestAsync();

        broadcasts.Verify(b => b.SubmitAsync(It.IsAny<BroadcastRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ScheduleAndRecall_InAGroup_WorkAsInTheApp()
    {
        using var harness = Harness(out var broadcasts, out _);
        broadcasts.Setup(b => b.CancelLatestScheduledAsync(StaffSetup.ProvinceManager, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var group = Group(harness, ProvinceChat);

        group.Says(StaffSetup.ProvinceManager, "定时 明天08:00 通报 早会改到线上").AssertReply(reply =>
            Assert.StartsWith("将于 3月5日 08:00 发送给", Text(reply), StringComparison.Ordinal));
        group.Says(StaffSetup.ProvinceManager, "确认").AssertReply(reply => Assert.Contains("将于 3月5日 08:00 发送", Text(reply), StringComparison.Ordinal));
        group.Says("clerk", "撤回").AssertReply(BroadcastReplies.NotAManager);
        await group.Says(StaffSetup.ProvinceManager, "撤回").AssertReply(BroadcastReplies.RecallCancelled).StartTestAsync();
    }

    [Fact]
    public async Task Broadcast_ClerkInAGroup_IsRefused()
    {
        using var harness = Harness(out var broadcasts, out _);

        await Group(harness, XiangyangChat).Says("clerk", "通报 大家辛苦了").AssertReply(BroadcastReplies.NotAManager).StartTestAsync();

        broadcasts.Verify(b => b.SubmitAsync(It.IsAny<BroadcastRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static string Text(IActivity reply) => reply.AsMessageActivity().Text;

    private static GroupChat Group(ConversationHarness harness, string chat) => harness.GroupChat(chat);

    private static ConversationHarness Harness(out Mock<IBroadcastRequests> broadcasts, out Mock<IDailyAnnouncement> announcement)
    {
        var figures = new Mock<IProgressFigures>();
        figures.Setup(f => f.GetAsync(Day, It.IsAny<CancellationToken>())).ReturnsAsync(new ProgressSnapshot(Day, new DateOnly(2020, 1, 27),
        [
            new ProgressLine("襄阳", Business.License, 30, 25, 20, 1500, 1200),
            new ProgressLine("襄阳", Business.Textbook, 10, 8, 8, 320, 300),
            new ProgressLine("武汉", Business.License, 100, 90, 80, 4200, 4000),
        ]));
        announcement = new Mock<IDailyAnnouncement>();
        announcement.Setup(a => a.GetChartsAsync(Day, It.IsAny<Business?>(), It.IsAny<CancellationToken>())).ReturnsAsync([Png]);
        announcement.Setup(a => a.GetTextAsync("襄阳", It.IsAny<CancellationToken>())).ReturnsAsync("# 每日通报 襄阳 <font color=\"info\">↑5</font>");
        var directory = new StaffDirectory(Options.Create(new StaffOptions
        {
            Groups =
            [
                new GroupOptions { Id = "xy", Name = "襄阳分公司工作群", City = "襄阳", WebhookKey = "k1", ChatId = XiangyangChat },
                new GroupOptions { Id = "sheng", Name = "全省标快群", WebhookKey = "k2", ChatId = ProvinceChat },
            ],
            Managers =
            [
                new ManagerOptions { UserId = StaffSetup.ProvinceManager, Name = "省公司", Scope = "province" },
                new ManagerOptions { UserId = StaffSetup.WuhanManager, Name = "武汉", Scope = "武汉" },
            ],
        }));
        var submissions = new Mock<IBroadcastRequests>();
        submissions.Setup(b => b.SubmitAsync(It.IsAny<BroadcastRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((BroadcastRequest r, CancellationToken _) => new BroadcastSubmission("b1", BroadcastPolicy.Resolve(r, directory).Groups, r.At, null));
        broadcasts = submissions;
        var records = new FakePostalRecords()
            .Add(new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Delivered, new DateTimeOffset(2020, 3, 4, 10, 15, 0, TimeSpan.FromHours(8)),
                "襄州区交通路投递站", "已签收，签收人：张三 13800001234", "13800001234", null))
            .Add(new InvoiceApplication("FP20200217000123", "91429005MA4951234A", "华润湖北江汉医药有限公司", "潜江", InvoiceStatus.Mailed,
                new DateTimeOffset(2020, 2, 18, 9, 0, 0, TimeSpan.FromHours(8)), "1173456789012", null));
        return new ConversationHarness(records, figures: figures.Object, staff: directory, broadcasts: submissions.Object, announcement: announcement.Object);
    }
}
