using System.Net;
using ChatPost.Bot.Tests.Support;
using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.Console;

[Collection(ConsoleBrowserGroup.Name)]
public class BroadcastPagesTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task ProvinceManager_ComposesConfirms_AndTheReportShowsDeliveryToEveryGroup()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await site.SignInWithWeComAsync(page, StaffSetup.ProvinceManager);

        await page.GotoAsync("/console/broadcasts");
        await page.GetByRole(AriaRole.Link, new() { Name = "撰写通报" }).ClickAsync();
        await page.GetByLabel("Markdown").CheckAsync();
        await page.GetByLabel("通报内容").FillAsync("## 教材配送\n请各市州**今天17点前**上报进度");
        await Assertions.Expect(page.GetByRole(AriaRole.Strong)).ToHaveTextAsync("今天17点前"); // the live preview, as WeCom shows it
        await ConsoleSite.ScreenshotAsync(page, "broadcast-compose");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "发送到 5 个工作群" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
        var arrived = await Task.WhenAll(Enumerable.Range(0, ConsoleSite.Cities.Length).Select(i => site.Webhook.WaitForMessagesAsync(StaffSetup.Key(i), 1)));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "送达情况 已完成" })).ToBeVisibleAsync();
        await ConsoleSite.ScreenshotAsync(page, "broadcast-report");

        Assert.All(arrived, messages => Assert.Equal("## 教材配送\n请各市州**今天17点前**上报进度", Assert.Single(messages).Content));
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "已送达" })).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "送达统计" })).ToHaveTextAsync("5 个群 5 已送达 0 失败 0 投递中");
    }

    [Fact]
    public async Task CityManager_IsOfferedOnlyTheirCity_AndAForgedOtherCityGroupIsRefusedOnTheServer()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Phone);
        await site.SignInWithWeComAsync(page, StaffSetup.WuhanManager);

        await page.GotoAsync("/console/broadcasts/new");
        var offered = await page.GetByRole(AriaRole.Group, new() { Name = "按工作群" }).GetByRole(AriaRole.Checkbox).AllAsync();
        await page.GetByLabel("通报内容").FillAsync("襄阳的同事请注意");
        // What a hand-made request would do: add a group of another city that the page never offered.
        await page.EvaluateAsync("() => { const i = document.createElement('input'); i.type = 'hidden'; i.name = 'groups'; i.value = 'g2'; document.querySelector('textarea').form.append(i); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
        await ConsoleSite.ScreenshotAsync(page, "broadcast-city-refused-phone");

        Assert.Equal(2, offered.Count);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("您只能向武汉的工作群发布通报。");
        Assert.Equal(0, site.Webhook.RequestsFor(StaffSetup.Key(2)));
    }

    [Fact]
    public async Task CityManager_CannotOpenAnotherCitysReport()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var operatorPage = await site.OpenAsync(ConsoleBrowser.Desk);
        await ConsoleSite.SignInAsOperatorAsync(operatorPage);
        var id = await SendAsync(operatorPage, "襄阳工作群2", "给襄阳的通知");
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await site.SignInWithWeComAsync(page, StaffSetup.WuhanManager);

        var report = await page.GotoAsync($"/console/broadcasts/{id}");
        await page.GotoAsync("/console/broadcasts");

        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)report!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "给襄阳的通知" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Operator_SchedulesABroadcast_ThenCancelsIt_AndTheAuditTrailShowsBoth()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await ConsoleSite.SignInAsOperatorAsync(page);

        await page.GotoAsync("/console/broadcasts/new");
        await page.GetByLabel("通报内容").FillAsync("明早八点的提醒");
        await page.GetByLabel("定时发送").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd'T'08:00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "送达情况 定时待发" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "撤回这条定时通报" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "送达情况 已撤回" })).ToBeVisibleAsync();
        var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        await page.GetByRole(AriaRole.Navigation, new() { Name = "控制台" }).GetByRole(AriaRole.Link, new() { Name = "审计" }).ClickAsync();
        await page.GetByLabel("操作").SelectOptionAsync(new SelectOptionValue { Label = "通报已撤回" });
        await page.GetByLabel("起始日期").FillAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var lines = page.GetByRole(AriaRole.Region, new() { NameRegex = new("^最近的记录") }).GetByRole(AriaRole.Row);
        await ConsoleSite.ScreenshotBothWidthsAsync(page, "audit");

        Assert.Equal(0, site.Webhook.RequestsFor(StaffSetup.Key(0)));
        await Assertions.Expect(lines).ToHaveCountAsync(2); // the header and the one cancellation
        Assert.Contains("运维（控制台） 通报已撤回 控制台 通报 " + id, await ConsoleSite.TextOfAsync(lines.Nth(1)), StringComparison.Ordinal);
        await Assertions.Expect(lines.Nth(1).GetByRole(AriaRole.Link, new() { Name = "通报 " + id })).ToHaveAttributeAsync("href", "/console/broadcasts/" + id);
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiforgeryToken_IsRefused()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await ConsoleSite.SignInAsOperatorAsync(page);
        await page.GotoAsync("/console/broadcasts/new");
        await page.GetByLabel("通报内容").FillAsync("不带令牌的表单");

        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__RequestVerificationToken]').forEach(i => i.remove())");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync(),
            // The form's own post: the live preview posts too, on its own timer, and must not be taken for it.
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/console/broadcasts/new");
        await ConsoleSite.ScreenshotAsync(page, "antiforgery-refused");

        Assert.Equal(HttpStatusCode.BadRequest, (HttpStatusCode)response.Status);
    }

    /// <summary>Sends a text broadcast to one group through the compose page; returns its id.</summary>
    internal static async Task<string> SendAsync(IPage page, string group, string text)
    {
        await page.GotoAsync("/console/broadcasts/new");
        await page.GetByLabel("通报内容").FillAsync(text);
        await page.GetByLabel(group).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发送" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sent=1", StringComparison.Ordinal));
        return new Uri(page.Url).AbsolutePath.Split('/')[^1];
    }
}
