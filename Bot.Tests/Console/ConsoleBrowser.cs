using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.Console;

/// <summary>
/// One headless Debian Chromium (<c>/usr/bin/chromium</c>, which ./test.sh installs) driven by Playwright, shared by
/// every browser test of the console; each test gets its own context (cookies, viewport). Playwright's own browser
/// download is never used.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A phone in WeCom's browser, and a desk.</summary>
    public static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };
    public static readonly ViewportSize Desk = new() { Width = 1440, Height = 900 };

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with ./test.sh, which installs Debian's chromium.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox as root in CI; no network chatter (the machine's network is closed and refuses it noisily).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleBrowserGroup : ICollectionFixture<ConsoleBrowser>
{
    public const string Name = "console browser";
}
