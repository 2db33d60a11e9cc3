using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;

namespace ChatPost.Bot.WeChat;

/// <summary><see cref="IWeChatApiClient"/> over a typed <see cref="HttpClient"/> with the standard resilience pipeline.</summary>
public sealed class WeChatApiClient(HttpClient http, ILogger<WeChatApiClient> logger) : IWeChatApiClient
{
    /// <inheritdoc/>
    public async Task<AccessTokenResult> GetStableTokenAsync(string appId, string appSecret, CancellationToken cancellationToken)
    {
        var request = new StableTokenRequest("client_credential", appId, appSecret, ForceRefresh: false);
        var response = await PostAsync("cgi-bin/stable_token", request, WeChatJsonContext.Default.StableTokenRequest, cancellationToken);
        return response.Status.IsSuccess && response.Body?.AccessToken is { Length: > 0 } token
            ? new AccessTokenResult(token, response.Body.ExpiresIn, WeChatApiResult.Ok)
            : AccessTokenResult.Failed(response.Status.IsSuccess ? new WeChatApiResult(WeChatErrorCodes.SystemBusy, "No access_token in the answer") : response.Status);
    }

    /// <inheritdoc/>
    public async Task<WeChatApiResult> SendCustomMessageAsync(string accessToken, CustomMessage message, CancellationToken cancellationToken)
    {
        var path = "cgi-bin/message/custom/send?access_token=" + Uri.EscapeDataString(accessToken);
        return (await PostAsync(path, message, WeChatJsonContext.Default.CustomMessage, cancellationToken)).Status;
    }

    private async Task<(WeChatApiResult Status, WeChatApiResponse? Body)> PostAsync<T>(string path, T body,
        JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var operation = path.Split('?')[0];
        try
        {
            using var response = await http.PostAsJsonAsync(path, body, typeInfo, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Fail(operation, WeChatApiResult.Unreachable($"HTTP {(int)response.StatusCode}"));
            }

            var answer = await response.Content.ReadFromJsonAsync(WeChatJsonContext.Default.WeChatApiResponse, cancellationToken);
            var status = answer is null ? WeChatApiResult.Unreachable("Empty answer") : new WeChatApiResult(answer.ErrorCode, answer.ErrorMessage);
            return (status.IsSuccess ? status : Fail(operation, status).Status, answer);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or JsonException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Fail(operation, WeChatApiResult.Unreachable(exception.GetType().Name));
        }
    }

    private (WeChatApiResult Status, WeChatApiResponse? Body) Fail(string operation, WeChatApiResult status)
    {
        logger.ApiCallFailed(operation, status.ErrorCode, status.ErrorMessage);
        return (status, null);
    }
}
