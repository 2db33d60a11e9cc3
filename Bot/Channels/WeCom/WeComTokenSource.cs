using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom;

/// <summary>The WeCom app's access_token comes from gettoken (one per app: CorpId and AgentId).</summary>
public sealed class WeComTokenSource(IWeComApiClient api, IOptions<WeComOptions> options) : IAccessTokenSource
{
    private readonly WeComOptions _app = options.Value;

    public string Account => $"wecom:{_app.CorpId}:{_app.AgentId}";

    public Task<AccessTokenResult> FetchAsync(CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(_app.Secret)
            ? Task.FromResult(AccessTokenResult.Failed(new WeChatApiResult(WeChatErrorCodes.InvalidCredential, "WeCom:Secret is not set")))
            : api.GetTokenAsync(_app.CorpId, _app.Secret, cancellationToken);
}
