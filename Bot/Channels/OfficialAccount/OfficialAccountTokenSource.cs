using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.OfficialAccount;

/// <summary>The Official Account's access_token comes from the stable_token endpoint (WECHAT.md §3.2).</summary>
public sealed class OfficialAccountTokenSource(IWeChatApiClient api, IOptions<WeChatOptions> options) : IAccessTokenSource
{
    private readonly OfficialAccountOptions _account = options.Value.OfficialAccount;

    public string Account => "mp:" + _account.AppId;

    public Task<AccessTokenResult> FetchAsync(CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(_account.AppSecret)
            ? Task.FromResult(AccessTokenResult.Failed(new WeChatApiResult(WeChatErrorCodes.InvalidCredential, "WeChat:OfficialAccount:AppSecret is not set")))
            : api.GetStableTokenAsync(_account.AppId, _account.AppSecret, cancellationToken);
}
