namespace ChatPost.Bot.WeChat;

/// <summary>
/// The Official Account HTTP API (base address <c>WeChat:ApiBaseUrl</c>). Calls never throw for WeChat's
/// answers or for an unreachable API: the outcome is in the returned <see cref="WeChatApiResult"/>.
/// </summary>
public interface IWeChatApiClient
{
    /// <summary><c>POST /cgi-bin/stable_token</c> in normal mode (never <c>force_refresh</c>).</summary>
    Task<AccessTokenResult> GetStableTokenAsync(string appId, string appSecret, CancellationToken cancellationToken);

    /// <summary><c>POST /cgi-bin/message/custom/send</c>: a customer-service message, the way to answer after the 5-second window.</summary>
    Task<WeChatApiResult> SendCustomMessageAsync(string accessToken, CustomMessage message, CancellationToken cancellationToken);

    /// <summary><c>POST /cgi-bin/message/template/send</c>: a template message, which reaches a follower outside the window.</summary>
    Task<WeChatApiResult> SendTemplateMessageAsync(string accessToken, TemplateMessage message, CancellationToken cancellationToken);
}
