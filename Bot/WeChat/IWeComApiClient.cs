namespace ChatPost.Bot.WeChat;

/// <summary>
/// The WeCom (企业微信) app API (base address <c>WeCom:ApiBaseUrl</c>). Like <see cref="IWeChatApiClient"/>, calls
/// never throw for WeCom's answers or an unreachable API.
/// </summary>
public interface IWeComApiClient
{
    /// <summary><c>GET /cgi-bin/gettoken</c>: the app's access_token (WECHAT.md §4.4).</summary>
    Task<AccessTokenResult> GetTokenAsync(string corpId, string secret, CancellationToken cancellationToken);

    /// <summary><c>POST /cgi-bin/message/send</c>: an app message to members, the way to answer after the 5-second window.</summary>
    Task<WeChatApiResult> SendAppMessageAsync(string accessToken, AppMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /cgi-bin/auth/getuserinfo</c>: whose sign-in <paramref name="code"/> is (web authorisation with
    /// <c>snsapi_base</c>, or the QR login). The UserID of a member of the corp; null with the error for a code that
    /// is unknown, used or expired (each code works once, for five minutes), and null with success for someone who
    /// is not a member (WeCom then answers an <c>openid</c>, not a <c>userid</c>).
    /// </summary>
    Task<(string? UserId, WeChatApiResult Status)> GetUserIdAsync(string accessToken, string code, CancellationToken cancellationToken);
}
