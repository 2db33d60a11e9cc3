namespace ChatPost.Bot.WeChat;

/// <summary><see cref="IWeComApiClient"/> over a typed <see cref="HttpClient"/> with the standard resilience pipeline.</summary>
public sealed class WeComApiClient(HttpClient http, ILogger<WeComApiClient> logger) : IWeComApiClient
{
    /// <inheritdoc/>
    public async Task<AccessTokenResult> GetTokenAsync(string corpId, string secret, CancellationToken cancellationToken)
    {
        var path = $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(corpId)}&corpsecret={Uri.EscapeDataString(secret)}";
        var (status, body) = await WeChatHttp.GetAsync(http, logger, path, cancellationToken);
        return AccessTokenResult.From(status, body);
    }

    /// <inheritdoc/>
    public async Task<WeChatApiResult> SendAppMessageAsync(string accessToken, AppMessage message, CancellationToken cancellationToken)
    {
        var path = "cgi-bin/message/send?access_token=" + Uri.EscapeDataString(accessToken);
        return (await WeChatHttp.PostAsync(http, logger, path, message, WeChatJsonContext.Default.AppMessage, cancellationToken)).Status;
    }

    /// <inheritdoc/>
    public async Task<(string? UserId, WeChatApiResult Status)> GetUserIdAsync(string accessToken, string code, CancellationToken cancellationToken)
    {
        var path = $"cgi-bin/auth/getuserinfo?access_token={Uri.EscapeDataString(accessToken)}&code={Uri.EscapeDataString(code)}";
        var (status, body) = await WeChatHttp.GetAsync(http, logger, path, cancellationToken);
        return (status.IsSuccess && !string.IsNullOrEmpty(body?.UserId) ? body.UserId : null, status);
    }
}
