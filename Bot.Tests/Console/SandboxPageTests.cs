using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.Console;

[Collection(ConsoleBrowserGroup.Name)]
public class SandboxPageTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task Operator_AsksTheCitizensBotATrackingQuestion_AndGetsTheBotsOwnAnswerThroughThePipeline()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        await site.IngestShipmentsAsync(new
        {
            trackingNo = "EA123456785CN", business = "license", city = "襄阳", status = "delivered", time = ConsoleSite.TodayAt(8),
            location = "襄州区交通路投递站", description = "已签收，签收人：张三丰 13800001234", receiverPhone = "13800001234",
        });
        var page = await site.OpenAsync(ConsoleBrowser.Phone);
        await ConsoleSite.SignInAsOperatorAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "控制台" }).GetByRole(AriaRole.Link, new() { Name = "对话测试" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "消息" }).FillAsync("我的驾驶证寄到哪了");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        var conversation = page.GetByRole(AriaRole.List, new() { Name = "对话记录" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(conversation).ToHaveCountAsync(2);
        Assert.Contains("邮件号", await conversation.Nth(1).InnerTextAsync(), StringComparison.Ordinal); // the dialog asks for the number

        // The dialog's next turn: the same sandbox user's state carried it.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "消息" }).FillAsync("EA 1234 5678 5CN");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(conversation).ToHaveCountAsync(4);
        await ConsoleSite.ScreenshotBothWidthsAsync(page, "sandbox");

        var answer = await conversation.Nth(3).InnerTextAsync();
        Assert.Contains("最新状态：已签收", answer, StringComparison.Ordinal);
        Assert.Contains("签收人：张** 138****1234", answer, StringComparison.Ordinal);
        Assert.Equal(0, site.Api.CustomMessageCount); // nothing went to a WeChat user
    }

    [Fact]
    public async Task Manager_TriesTheStaffBot_AndABroadcastCommandSendsNothing()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await ConsoleSite.SignInAsOperatorAsync(page);
        await page.GotoAsync("/console/try");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "选择机器人" }).GetByRole(AriaRole.Link, new() { Name = "企业微信 · 员工" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "消息" }).FillAsync("通报 今天下午三点前报送进度");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        var conversation = page.GetByRole(AriaRole.List, new() { Name = "对话记录" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(conversation).ToHaveCountAsync(2);
        await ConsoleSite.ScreenshotAsync(page, "sandbox-staff-desk");

        // The sandbox user is nobody's UserID: the one broadcast policy refuses it, whoever is signed in to the console.
        Assert.Contains("只有通报管理员可以发布通报", await conversation.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, site.Webhook.RequestsFor(StaffSetup.Key(0)));
    }

    [Fact]
    public async Task SandboxUser_AsksForAReminder_IsToldItIsNotSet_AndNoWatchIsKept()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        await site.IngestShipmentsAsync(new
        {
            trackingNo = "EA123456785CN", business = "license", city = "襄阳", status = "accepted", time = ConsoleSite.TodayAt(8),
            location = "襄阳市邮政分公司", description = "已收寄",
        });
        var page = await site.OpenAsync(ConsoleBrowser.Phone);
        await ConsoleSite.SignInAsOperatorAsync(page);
        await page.GotoAsync("/console/try");

        var conversation = page.GetByRole(AriaRole.List, new() { Name = "对话记录" }).GetByRole(AriaRole.Listitem);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "消息" }).FillAsync("EA123456785CN");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(conversation).ToHaveCountAsync(2);
        Assert.Contains(NotificationReplies.Offer, await conversation.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "消息" }).FillAsync("提醒");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(conversation).ToHaveCountAsync(4);

        Assert.Contains("测试用户收不到微信通知，所以不设提醒", await conversation.Nth(3).InnerTextAsync(), StringComparison.Ordinal);
        var sandboxUser = await page.Locator("code", new() { HasTextString = "sandbox-" }).InnerTextAsync();
        var watches = site.Factory.Services.GetRequiredService<IItemWatches>();
        Assert.Empty(await watches.ListAsync(sandboxUser, default)); // so no later change of the parcel is sent to WeChat for it
    }
}
