using ChatPost.Bot.Dialogs.Features.ManagerBroadcast;
using ChatPost.Bot.Dialogs.Features.StaffProgress;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Staff;
using ChatPost.Bot.Tests.Dialogs.Staff;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Moq;

namespace ChatPost.Bot.Tests.Dialogs;

public class StaffBotTests
{
    [Fact]
    public async Task Progress_CityAndToday_AnswersFromTheFigures()
    {
        using var harness = Harness(out _);

        await harness.StaffFlow("clerk").Send("今日进度 襄阳").AssertReply(
            "襄阳 3月4日\n交管证照：收寄 30，投递 25（比前一日↑5），累计投递 1,200\n教材：收寄 10，投递 8（持平），累计投递 300\n" +
            "合计：投递 33，累计投递 1,500（自1月27日起）").StartTestAsync();
    }

    [Fact]
    public async Task Progress_Ranking_ListsCitiesByDelivered()
    {
        using var harness = Harness(out _);

        await harness.StaffFlow("clerk").Send("全省交管业务排名").AssertReply(reply =>
        {
            var lines = reply.AsMessageActivity().Text.Split('\n');
            Assert.Equal("全省交管证照 3月4日", lines[0]);
            Assert.Equal("1. 武汉 投递 90（累计 4,000）", lines[1]);
            Assert.Equal("2. 襄阳 投递 25（累计 1,200）", lines[2]);
            Assert.Equal(18, lines.Length);
        }).StartTestAsync();
    }

    [Fact]
    public async Task Broadcast_ManagerPreviewsThenConfirms_SubmitsOnce()
    {
        using var harness = Harness(out var broadcasts);

        await harness.StaffFlow("province-boss")
            .Send("广播 恩施 孝感：明早8点召开视频会").AssertReply(reply =>
                Assert.StartsWith("将立即发送给 1 个工作群（恩施分公司工作群）", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("确认").AssertReply(reply => Assert.StartsWith("已受理（编号 b1）", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("确认").AssertReply(BroadcastReplies.NothingToConfirm)
            .StartTestAsync();

        broadcasts.Verify(b => b.SubmitAsync(It.Is<BroadcastRequest>(r => r.RequestedBy == "province-boss" && r.Text == "明早8点召开视频会"
            && r.Cities.SequenceEqual(new[] { "恩施", "孝感" }) && r.Origin == "chat" && r.At == null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Broadcast_InChat_SendsTheTextAsTyped()
    {
        using var harness = Harness(out var broadcasts);

        await harness.StaffFlow("province-boss")
            .Send("通報：注意！明天起（含週末）全員測溫").AssertReply(reply =>
                Assert.Contains("注意！明天起（含週末）全員測溫", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("确认").AssertReply(reply => Assert.StartsWith("已受理", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .StartTestAsync();

        broadcasts.Verify(b => b.SubmitAsync(It.Is<BroadcastRequest>(r => r.Text == "注意！明天起（含週末）全員測溫"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Broadcast_ScheduledThenCancelled_SubmitsNothing()
    {
        using var harness = Harness(out var broadcasts);

        await harness.StaffFlow("province-boss")
            .Send("定时 明天08:00 通报 全省税票寄递免费政策延续至4月30日").AssertReply(reply =>
                Assert.StartsWith("将于 3月5日 08:00 发送给 5 个工作群", reply.AsMessageActivity().Text, StringComparison.Ordinal))
            .Send("今天天气不错").AssertReply(BroadcastReplies.ConfirmOrCancel)
            .Send("取消").AssertReply(BroadcastReplies.Dropped)
            .StartTestAsync();

        broadcasts.Verify(b => b.SubmitAsync(It.IsAny<BroadcastRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Broadcast_NotAManager_IsRefusedInChat()
    {
        using var harness = Harness(out var broadcasts);

        await harness.StaffFlow("clerk").Send("通报 大家辛苦了").AssertReply("只有通报管理员可以发布通报。").StartTestAsync();

        broadcasts.Verify(b => b.SubmitAsync(It.IsAny<BroadcastRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Broadcast_CityManagerOutOfScope_IsRefusedInChat()
    {
        using var harness = Harness(out _);

        await harness.StaffFlow("wuhan-boss").Send("广播 恩施：加班通知").AssertReply("您只能向武汉的工作群发布通报。").StartTestAsync();
    }

    [Fact]
    public async Task Recall_ScheduledBroadcast_CancelsIt()
    {
        using var harness = Harness(out var broadcasts);
        broadcasts.Setup(b => b.CancelLatestScheduledAsync("province-boss", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await harness.StaffFlow("province-boss").Send("撤回刚才的通报").AssertReply(BroadcastReplies.RecallCancelled)
            .Send("撤回").AssertReply(BroadcastReplies.RecallCancelled)
            .StartTestAsync();
        broadcasts.Setup(b => b.CancelLatestScheduledAsync("province-boss", It.IsAny<CancellationToken>())).ReturnsAsync(false);
        await harness.StaffFlow("province-boss").Send("撤回").AssertReply(BroadcastReplies.CannotRecall).StartTestAsync();
    }

    private static ConversationHarness Harness(out Mock<IBroadcastRequests> broadcasts)
    {
        var day = new DateOnly(2020, 3, 4);
        var figures = new Mock<IProgressFigures>();
        figures.Setup(f => f.GetAsync(day, It.IsAny<CancellationToken>())).ReturnsAsync(new ProgressSnapshot(day, new DateOnly(2020, 1, 27),
        [
            new ProgressLine("襄阳", Business.License, 30, 25, 20, 1500, 1200),
            new ProgressLine("襄阳", Business.Textbook, 10, 8, 8, 320, 300),
            new ProgressLine("武汉", Business.License, 100, 90, 80, 4200, 4000),
        ]));
        broadcasts = new Mock<IBroadcastRequests>();
        broadcasts.Setup(b => b.SubmitAsync(It.IsAny<BroadcastRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((BroadcastRequest r, CancellationToken _) =>
                new BroadcastSubmission("b1", BroadcastPolicy.Resolve(r, BroadcastPolicyTests.Directory).Groups, r.At, null));
        return new ConversationHarness(figures: figures.Object, staff: BroadcastPolicyTests.Directory, broadcasts: broadcasts.Object);
    }
}
