using ChatPost.Bot.Channels.WeCom;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Console.SignIn;

/// <summary>
/// Sign-in with WeCom (WECHAT.md §4): inside WeCom's own browser through its web authorisation (网页授权,
/// <c>snsapi_base</c>, silent), on a desk through WeCom's QR login; either way WeCom sends the browser back with a
/// one-time code, which <c>/cgi-bin/auth/getuserinfo</c> (at <c>WeCom:ApiBaseUrl</c>) turns into the UserID.
/// Needs the WeCom app: <c>WeCom:CorpId</c>, <c>AgentId</c> and <c>Secret</c>.
/// </summary>
public sealed class WeComSignIn(IWeComApiClient api, [FromKeyedServices(WeComChannel.Id)] AccessTokenProvider tokens, IOptions<WeComOptions> options)
{
    private const string AuthorizeUrl = "https://open.weixin.qq.com/connect/oauth2/authorize";
    private const string QrLoginUrl = "https://login.work.weixin.qq.com/wwlogin/sso/login";

    /// <summary>True when the WeCom app is configured well enough to sign people in.</summary>
    public bool IsAvailable => options.Value is { CorpId.Length: > 0, AgentId: > 0, Secret.Length: > 0 };

    /// <summary>
    /// Where to send the browser: WeCom's web authorisation when it already is WeCom's browser (its user agent says
    /// <c>wxwork</c>), otherwise the QR login page, which the person scans with WeCom on their phone.
    /// </summary>
    public Uri AuthorizationUrl(Uri callback, string state, bool insideWeCom)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var app = options.Value;
        var corpId = Uri.EscapeDataString(app.CorpId);
        var redirect = Uri.EscapeDataString(callback.AbsoluteUri);
        var agentId = app.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Uri(insideWeCom
            ? $"{AuthorizeUrl}?appid={corpId}&redirect_uri={redirect}&response_type=code&scope=snsapi_base&state={state}&agentid={agentId}#wechat_redirect"
            : $"{QrLoginUrl}?login_type=CorpApp&appid={corpId}&agentid={agentId}&redirect_uri={redirect}&state={state}");
    }

    /// <summary>True for WeCom's in-app browser (its user agent carries <c>wxwork</c>).</summary>
    public static bool IsWeComBrowser(string? userAgent) => userAgent?.Contains("wxwork", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The UserID WeCom vouches for with <paramref name="code"/>; null with why when it does not.</summary>
    public async Task<(string? UserId, string? Failure)> ResolveAsync(string code, CancellationToken cancellationToken)
    {
        string? userId = null;
        var status = await tokens.CallAsync(async (token, ct) =>
        {
            var (found, result) = await api.GetUserIdAsync(token, code, ct);
            userId = found;
            return result;
        }, cancellationToken);
        return status.IsSuccess
            ? (userId, userId is null ? "not a member of the corp" : null)
            : (null, $"errcode {status.ErrorCode}");
    }
}
