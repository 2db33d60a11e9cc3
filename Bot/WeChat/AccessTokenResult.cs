namespace ChatPost.Bot.WeChat;

/// <summary>An access_token with its lifetime, or the error that prevented getting one.</summary>
public sealed record AccessTokenResult(string? AccessToken, int ExpiresInSeconds, WeChatApiResult Status)
{
    public bool IsSuccess => Status.IsSuccess && !string.IsNullOrEmpty(AccessToken);

    public static AccessTokenResult Failed(WeChatApiResult status) => new(null, 0, status);
}
