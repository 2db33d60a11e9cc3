using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatPost.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.Console;

/// <summary>
/// The real service on Kestrel (a free loopback port) for a browser test: test Redis under its own prefix, staff
/// groups on a <see cref="FakeWebhook"/>, WeCom's API (sign-in codes, tokens) on a <see cref="FakeWeChatApi"/>, the
/// admin and ingestion keys set. Also opens pages in the shared <see cref="ConsoleBrowser"/> and keeps screenshots.
/// </summary>
public sealed partial class ConsoleSite : IAsyncDisposable
{
    public const string IngestKey = "ingest-key-for-console-tests";

    /// <summary>Group i's city: two in Wuhan, one each in Xiangyang and Enshi, one province-wide.</summary>
    public static readonly string?[] Cities = ["武汉", "武汉", "襄阳", "恩施", null];

    private readonly ConsoleBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];

    private readonly LogRecorder _log;
    private readonly string _name;

    private ConsoleSite(ConsoleBrowser browser, FakeWebhook webhook, FakeWeChatApi api, ChatPostFactory factory, Uri baseUrl, LogRecorder log, string name)
    {
        _browser = browser;
        _log = log;
        _name = name;
        Webhook = webhook;
        Api = api;
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public FakeWebhook Webhook { get; }

    public FakeWeChatApi Api { get; }

    public ChatPostFactory Factory { get; }

    /// <summary>The site's address on <c>localhost</c> (browsers accept Secure cookies there over plain http).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts a site for the calling test (its name names the server log kept beside the screenshots).</summary>
    public static async Task<ConsoleSite> StartAsync(ConsoleBrowser browser, IDictionary<string, string?>? settings = null,
        [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var webhook = await FakeWebhook.StartAsync();
        var api = await FakeWeChatApi.StartAsync();
        var all = StaffSetup.Settings(webhook, api, Cities);
        all["Ingest:ApiKey"] = IngestKey;
        all["Announcements:DailyProgress:Charts"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var log = new LogRecorder();
        var factory = new ChatPostFactory(TestRedis.Prefix("console"), api, all, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(log));
        factory.UseKestrel(0);
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new ConsoleSite(browser, webhook, api, factory, new Uri($"http://localhost:{address.Port}/"), log, test);
    }

    /// <summary>A new browser context (no cookies) of <paramref name="viewport"/> and a page in it.</summary>
    public async Task<IPage> OpenAsync(ViewportSize viewport)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = "zh-CN", BaseURL = BaseUrl.ToString() });
        _contexts.Add(context);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in with the admin key through the sign-in page, as an operator would.</summary>
    public static async Task SignInAsOperatorAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/console");
        await page.GetByLabel("管理密钥").FillAsync(StaffSetup.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console");
    }

    /// <summary>
    /// Signs <paramref name="userId"/> in with WeCom's QR login, WeCom played by the test: the browser is sent to
    /// WeCom's login page, which (intercepted here) sends it back with a code the fake API knows.
    /// </summary>
    public async Task SignInWithWeComAsync(IPage page, string userId)
    {
        ArgumentNullException.ThrowIfNull(page);
        var code = "code-" + Guid.NewGuid().ToString("N");
        Api.SignInCodes[code] = userId;
        await page.RouteAsync("https://login.work.weixin.qq.com/**", async route =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(route.Request.Url).Query);
            var back = $"{query["redirect_uri"]}?code={code}&state={query["state"]}";
            await route.FulfillAsync(new RouteFulfillOptions { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = back } });
        });
        await page.GotoAsync("/console");
        await page.GetByRole(AriaRole.Link, new() { Name = "使用企业微信登录" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console");
    }

    /// <summary>Ingests records through the real ingestion API, as an upstream system would.</summary>
    public async Task IngestShipmentsAsync(params object[] events)
    {
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", IngestKey);
        var response = await client.PostAsJsonAsync("/api/ingest/shipments", events);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Saves a full-page screenshot as a test artifact (<c>console-screenshots/</c> beside the test assembly), and, when
    /// <c>CHATPOST_CONSOLE_SCREENSHOTS</c> names a folder that holds a picture of that name already, replaces it there: how
    /// the README's screenshots (<c>docs/console/</c>) are refreshed, and only those.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Directory.CreateDirectory(ScreenshotFolder).FullName;
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("CHATPOST_CONSOLE_SCREENSHOTS") is { Length: > 0 } keep && File.Exists(Path.Combine(keep, name + ".png")))
        {
            File.Copy(path, Path.Combine(keep, name + ".png"), overwrite: true);
        }
    }

    /// <summary>
    /// Screenshots <paramref name="page"/> at the width it has and at the other one of <see cref="ConsoleBrowser.Phone"/> and
    /// <see cref="ConsoleBrowser.Desk"/> (<c>name-phone</c>, <c>name-desk</c>), so that every page is seen at both; the
    /// page keeps its own size afterwards.
    /// </summary>
    public static async Task ScreenshotBothWidthsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var onPhone = page.ViewportSize?.Width == ConsoleBrowser.Phone.Width;
        var (own, other) = onPhone ? (ConsoleBrowser.Phone, ConsoleBrowser.Desk) : (ConsoleBrowser.Desk, ConsoleBrowser.Phone);
        await ScreenshotAsync(page, $"{name}-{(onPhone ? "phone" : "desk")}");
        await page.SetViewportSizeAsync(other.Width, other.Height);
        await ScreenshotAsync(page, $"{name}-{(onPhone ? "desk" : "phone")}");
        await page.SetViewportSizeAsync(own.Width, own.Height);
    }

    /// <summary>A time today in China, as the ingestion contract writes it.</summary>
    public static string TodayAt(int hour) =>
        new DateTimeOffset(DateTime.SpecifyKind(DateTime.UtcNow.AddHours(8).Date.AddHours(hour), DateTimeKind.Unspecified), TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The whole text of <paramref name="locator"/>'s element, white space collapsed.</summary>
    public static async Task<string> TextOfAsync(ILocator locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        return Spaces().Replace(await locator.InnerTextAsync(), " ").Trim();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await Factory.DisposeAsync();
        // The server's log, kept beside the screenshots: what a failed browser test needs to be understood.
        await File.WriteAllLinesAsync(Path.Combine(Directory.CreateDirectory(ScreenshotFolder).FullName, _name + ".server.log"), _log.Events);
        await Api.DisposeAsync();
        await Webhook.DisposeAsync();
    }

    private static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
