namespace ChatPost.Bot.WeChat;

/// <summary><see cref="IWeChatApiClient"/> over a typed <see cref="HttpClient"/> with the standard resilience pipeline.</summary>
public sealed class WeChatApiClient(HttpClient http, ILogger<WeChatApiClient> logger) : IWeChatApiClient
{
    /// <inheritdoc/>
    public async Task<AccessTokenResult> GetStableTokenAsync(string appId, string appSecret, CancellationToken cancellationToken)
    {
        var request = new StableTokenRequest("client_credential", appId, appSecret, ForceRefresh: false);
        var (status, body) = await WeChatHttp.PostAsync(http, logger, "cgi-bin/stable_token", request, WeChatJsonContext.Default.StableTokenRequest, cancellationToken);
        return AccessTokenResult.From(status, body);
    }

    /// <inheritdoc/>
    public async Task<WeChatApiResult> SendCustomMessageAsync(string accessToken, CustomMessage message, CancellationToken cancellationToken)
    {
        var path = "cgi-bin/message/custom/send?access_token=" + Uri.EscapeDataString(accessToken);
        return (await WeChatHttp.PostAsync(http, logger, path, message, WeChatJsonContext.Default.CustomMessage, cancellationToken)).Status;
    }

    /// <inheritdoc/>
    public async Task<WeChatApiResult> SendTemplateMessageAsync(string accessToken, TemplateMessage message, CancellationToken cancellationToken)
    {
        var path = "cgi-bin/message/template/send?access_token=" + Uri.EscapeDataString(accessToken);
        return (await WeChatHttp.PostAsync(http, logger, path, message, WeChatJsonContext.Default.TemplateMessage, cancellationToken)).Status;
    }
}
