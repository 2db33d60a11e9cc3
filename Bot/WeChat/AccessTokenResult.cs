namespace ChatPost.Bot.WeChat;

/// <summary>An access_token with its lifetime, or the error that prevented getting one.</summary>
public sealed record AccessTokenResult(string? AccessToken, int ExpiresInSeconds, WeChatApiResult Status)
{
    public bool IsSuccess => Status.IsSuccess && !string.IsNullOrEmpty(AccessToken);

    public static AccessTokenResult Failed(WeChatApiResult status) => new(null, 0, status);

    /// <summary>Reads a token endpoint's answer; a success without a token counts as "system busy".</summary>
    internal static AccessTokenResult From(WeChatApiResult status, WeChatApiResponse? body) =>
        status.IsSuccess && body?.AccessToken is { Length: > 0 } token
            ? new AccessTokenResult(token, body.ExpiresIn, WeChatApiResult.Ok)
            : Failed(status.IsSuccess ? new WeChatApiResult(WeChatErrorCodes.SystemBusy, "No access_token in the answer") : status);
}
