using System.Net;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.Console;

[Collection(ConsoleBrowserGroup.Name)]
public class SignInAndOverviewTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task Operator_SignsInWithTheAdminKey_AndTheOverviewShowsTheIngestedFigures()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        await site.IngestShipmentsAsync(
            Shipment("9876500000011", "textbook", "恩施", "accepted", 9),
            Shipment("9876500000012", "textbook", "恩施", "accepted", 9),
            Shipment("9876500000013", "textbook", "恩施", "accepted", 9),
            Shipment("9876500000011", "textbook", "恩施", "delivered", 10),
            Shipment("9876500000012", "textbook", "恩施", "delivered", 11));
        var page = await site.OpenAsync(ConsoleBrowser.Desk);

        await ConsoleSite.SignInAsOperatorAsync(page);
        var textbooks = page.GetByRole(AriaRole.Row, new() { Name = "教材" });
        await ConsoleSite.ScreenshotAsync(page, "overview-desk");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "全省进度总览" })).ToBeVisibleAsync();
        Assert.Equal("运维（全省）", await page.GetByText("运维（全省）").InnerTextAsync());
        // 业务, 报告日收寄, 报告日投递, 较前日, 今日收寄, 今日投递, 累计投递: today's 3 accepted and 2 delivered.
        Assert.Equal("教材 0 0 持平 3 2 2", await ConsoleSite.TextOfAsync(textbooks));
        Assert.Equal(["今日收寄 3", "今日投递 2"], [await Kpi(page, "今日收寄"), await Kpi(page, "今日投递")]);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new("全省每日收寄与投递量折线图") })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Overview_AtPhoneWidth_FitsTheScreenAndKeepsEveryArea()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Phone);

        await ConsoleSite.SignInAsOperatorAsync(page);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await ConsoleSite.ScreenshotAsync(page, "overview-phone");

        Assert.True(width <= ConsoleBrowser.Phone.Width, $"the page is {width} px wide on a {ConsoleBrowser.Phone.Width} px screen");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "控制台" });
        foreach (var area in ChatPost.Bot.Console.ConsoleAreas.All.Select(area => area.Title))
        {
            var link = navigation.GetByRole(AriaRole.Link, new() { Name = area, Exact = true });
            await Assertions.Expect(link).ToHaveCountAsync(1);
            // In sight without scrolling the bar sideways: nobody finds a tab past the edge.
            await Assertions.Expect(link).ToBeInViewportAsync(new() { Ratio = 1 });
        }
    }

    [Fact]
    public async Task WrongKey_IsRefusedAndAudited_AndRepeatedFailuresAreThrottledEvenForTheRightKey()
    {
        await using var site = await ConsoleSite.StartAsync(browser, new Dictionary<string, string?> { ["RateLimits:ConsoleSignInFailuresPerMinute"] = "2" });
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await page.GotoAsync("/console/signin");

        foreach (var key in new[] { "guess-1", "guess-2" })
        {
            await page.GetByLabel("管理密钥").FillAsync(key);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("管理密钥不正确，登录失败。");
        }

        await page.GetByLabel("管理密钥").FillAsync(StaffSetup.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("登录失败次数过多，请一分钟后再试。");
        await ConsoleSite.ScreenshotAsync(page, "signin-throttled");
        var audit = await site.Factory.Services.GetRequiredService<IAuditTrail>().ReadAsync(10, default);

        Assert.Equal(["sign-in-refused", "sign-in-failed", "sign-in-failed"], audit.Where(entry => entry.Area == AuditArea.Console).Select(entry => entry.Action));
        Assert.Equal("/console/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task StaffWhoAreNotManagers_SignInWithWeCom_SeeOverviewAndRecordsOnly()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);

        await site.SignInWithWeComAsync(page, "zhangsan");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "控制台" });
        var areas = await navigation.GetByRole(AriaRole.Link).AllInnerTextsAsync();
        var denied = await page.GotoAsync("/console/broadcasts");

        Assert.Equal([.. ChatPost.Bot.Console.ConsoleAreas.All.Where(area => area.Policy == ChatPost.Bot.Console.ConsolePolicies.SignedIn).Select(area => area.Title)], areas);
        Assert.DoesNotContain("通报与广播", areas);
        Assert.Equal("/console/denied", new Uri(page.Url).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)denied!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await ConsoleSite.SignInAsOperatorAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("您已退出登录。");
        await page.GotoAsync("/console");

        Assert.Equal("/console/signin", new Uri(page.Url).AbsolutePath);
    }

    private static object Shipment(string trackingNo, string business, string city, string status, int hour) =>
        new { trackingNo, business, city, status, time = ConsoleSite.TodayAt(hour), location = city + "投递站" };

    private static async Task<string> Kpi(IPage page, string label) =>
        await ConsoleSite.TextOfAsync(page.GetByRole(AriaRole.Group, new() { Name = label, Exact = true }));
}
