namespace ChatPost.Bot.WeChat;

/// <summary>Where one account's access_token comes from (the Official Account's stable_token, WeCom's gettoken).</summary>
public interface IAccessTokenSource
{
    /// <summary>The account the token belongs to: the cache and lock key (an AppId, or CorpId:AgentId).</summary>
    string Account { get; }

    /// <summary>Asks WeChat for the current token. Never forces a new one: that would invalidate the others' copy.</summary>
    Task<AccessTokenResult> FetchAsync(CancellationToken cancellationToken);
}
