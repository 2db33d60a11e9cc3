using System.Net;
using System.Text.RegularExpressions;
using ChatPost.Bot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatPost.Bot.Tests.Console;

/// <summary>
/// The console over plain HTTP, without a browser, for tests that need many requests or a look at the logs: it keeps
/// the cookies (over https, as the Secure cookie asks), reads each form's antiforgery token from the page, and posts
/// forms as a browser would.
/// </summary>
public sealed partial class ConsoleClient(ChatPostFactory factory) : IDisposable
{
    private readonly HttpClient _http = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    /// <summary>Signs in with <paramref name="key"/> on the sign-in page; true when the console let the key in.</summary>
    public async Task<bool> SignInAsync(string key)
    {
        var token = await TokenAsync("/console/signin");
        var response = await _http.PostAsync("/console/signin/key", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["key"] = key, ["returnUrl"] = "/console",
        }));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/console";
    }

    /// <summary>Posts <paramref name="form"/> to the page at <paramref name="path"/> as its form named <paramref name="handler"/>, with the page's token.</summary>
    public async Task<HttpResponseMessage> PostPageFormAsync(string path, string handler, MultipartFormDataContent form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Add(new StringContent(await TokenAsync(path)), "__RequestVerificationToken");
        form.Add(new StringContent(handler), "_handler");
        return await _http.PostAsync(path, form);
    }

    /// <summary>Gets a page with the signed-in session.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public void Dispose() => _http.Dispose();

    private async Task<string> TokenAsync(string path)
    {
        var page = await _http.GetStringAsync(path);
        return Token().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"{path} has no form token");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
