using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatPost.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// Posts an answer to a callback's <c>response_url</c> (WECOM-ROBOT.md §5): once, as markdown, and only to a URL that
/// starts with <see cref="AiRobotOptions.ResponseUrlPrefix"/> on its host — the URL comes inside a callback, and
/// ChatPost sends no request anywhere else. Not retried: WeCom takes one call per URL.
/// </summary>
public sealed class AiRobotResponder(HttpClient http, IOptions<AiRobotOptions> options, ChatPostMetrics metrics, ILogger<AiRobotResponder> logger)
{
    private readonly string _prefix = options.Value.ResponseUrlPrefix;
    private readonly Uri _prefixUri = new(options.Value.ResponseUrlPrefix);

    /// <summary>True when ChatPost may post to <paramref name="responseUrl"/>: the prefix, then the end, a query or a path separator, and the same host.</summary>
    public bool Allows(string? responseUrl) =>
        responseUrl is not null
        && responseUrl.StartsWith(_prefix, StringComparison.Ordinal)
        && (responseUrl.Length == _prefix.Length || responseUrl[_prefix.Length] is '?' or '/')
        && Uri.TryCreate(responseUrl, UriKind.Absolute, out var url)
        && url.Scheme == _prefixUri.Scheme && url.IdnHost == _prefixUri.IdnHost && url.Port == _prefixUri.Port;

    /// <summary>Posts <paramref name="content"/> (markdown_v2); false when refused or failed (each logged and counted).</summary>
    public async Task<bool> SendAsync(string? responseUrl, string content, CancellationToken cancellationToken)
    {
        if (!Allows(responseUrl))
        {
            logger.ResponseUrlRefused(Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) ? url.Host : "-");
            metrics.AiRobotResponseUrlSent("refused");
            return false;
        }

        try
        {
            using var body = new StringContent(AiRobotReplyJson.Markdown(content), Encoding.UTF8);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(new Uri(responseUrl!), body, cancellationToken);
            var errorCode = await ErrorCodeAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && errorCode == 0)
            {
                metrics.AiRobotResponseUrlSent("sent");
                return true;
            }

            logger.ResponseUrlFailed((int)response.StatusCode, errorCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.ResponseUrlUnreachable(exception);
        }

        metrics.AiRobotResponseUrlSent("failed");
        return false;
    }

    /// <summary>WeCom's <c>errcode</c> when the answer carries one; 0 otherwise (the body is not documented).</summary>
    private static async Task<int> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errcode", out var code)
                && code.TryGetInt32(out var value) ? value : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
