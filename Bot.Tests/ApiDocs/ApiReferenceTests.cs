using System.Net;
using ChatPost.Bot.Tests.Console;
using ChatPost.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.ApiDocs;

/// <summary>
/// The interactive reference at <c>/docs</c> in a real browser: for the console's signed-in operators (and anyone in
/// Development), rendering the document with every asset from the service itself.
/// </summary>
[Collection(ConsoleBrowserGroup.Name)]
public class ApiReferenceTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task Docs_ForASignedInOperator_RendersTheApiWithEveryAssetFromTheService()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await ConsoleSite.SignInAsOperatorAsync(page);

        await page.GotoAsync("/docs");
        await Assertions.Expect(page.GetByText("Push shipment events 推送邮件轨迹").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ConsoleSite.ScreenshotAsync(page, "api-reference-desk");

        var elsewhere = requested.Where(url => url.StartsWith("http", StringComparison.Ordinal) && new Uri(url).Authority != site.BaseUrl.Authority).ToList();
        Assert.True(elsewhere.Count == 0, "loaded from elsewhere: " + string.Join(", ", elsewhere.Distinct()));
        Assert.Contains(requested, url => new Uri(url).AbsolutePath == "/openapi/v1.json");
    }

    [Fact]
    public async Task Docs_WithoutSigningIn_SendsToTheConsoleSignIn()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);

        await page.GotoAsync("/docs");

        Assert.Equal("/console/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Docs_InDevelopment_IsOpenWithoutSigningIn_AndTheDocumentAlways()
    {
        await using var factory = new ChatPostFactory(null);
        await using var development = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        using var client = development.CreateClient();
        using var testing = factory.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetAsync("/docs/");
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("ChatPost API", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await testing.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await testing.GetAsync("/docs/")).StatusCode);
    }
}
