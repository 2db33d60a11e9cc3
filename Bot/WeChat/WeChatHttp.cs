using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// The one way ChatPost talks to WeChat's and WeCom's JSON APIs: every answer carries <c>errcode</c>/<c>errmsg</c>,
/// and transport failures become <see cref="WeChatErrorCodes.Unreachable"/> results instead of exceptions.
/// </summary>
internal static class WeChatHttp
{
    /// <summary>POSTs <paramref name="body"/> as JSON to <paramref name="path"/> and reads the common answer.</summary>
    public static Task<(WeChatApiResult Status, WeChatApiResponse? Body)> PostAsync<T>(HttpClient http, ILogger logger, string path, T body,
        JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(logger, path, ct => http.PostAsJsonAsync(path, body, typeInfo, ct), cancellationToken);

    /// <summary>GETs <paramref name="path"/> and reads the common answer.</summary>
    public static Task<(WeChatApiResult Status, WeChatApiResponse? Body)> GetAsync(HttpClient http, ILogger logger, string path,
        CancellationToken cancellationToken) =>
        SendAsync(logger, path, ct => http.GetAsync(path, ct), cancellationToken);

    private static async Task<(WeChatApiResult Status, WeChatApiResponse? Body)> SendAsync(ILogger logger, string path,
        Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        // The path's query may carry an access_token or a secret: only the path itself is ever logged.
        var operation = path.Split('?')[0];
        try
        {
            using var response = await send(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Fail(logger, operation, WeChatApiResult.Unreachable($"HTTP {(int)response.StatusCode}"));
            }

            var answer = await response.Content.ReadFromJsonAsync(WeChatJsonContext.Default.WeChatApiResponse, cancellationToken);
            var status = answer is null ? WeChatApiResult.Unreachable("Empty answer") : new WeChatApiResult(answer.ErrorCode, answer.ErrorMessage);
            return status.IsSuccess ? (status, answer) : (Fail(logger, operation, status).Status, answer);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or JsonException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Fail(logger, operation, WeChatApiResult.Unreachable(exception.GetType().Name));
        }
    }

    private static (WeChatApiResult Status, WeChatApiResponse? Body) Fail(ILogger logger, string operation, WeChatApiResult status)
    {
        logger.ApiCallFailed(operation, status.ErrorCode, status.ErrorMessage);
        return (status, null);
    }
}
