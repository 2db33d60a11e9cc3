namespace ChatPost.Bot.WeChat;

/// <summary>The outcome of a WeChat or WeCom API call: <c>errcode</c> and <c>errmsg</c>.</summary>
public sealed record WeChatApiResult(int ErrorCode, string? ErrorMessage)
{
    public static readonly WeChatApiResult Ok = new(WeChatErrorCodes.Ok, "ok");

    public bool IsSuccess => ErrorCode == WeChatErrorCodes.Ok;

    /// <summary>A result for a call that never got an answer from WeChat.</summary>
    public static WeChatApiResult Unreachable(string reason) => new(WeChatErrorCodes.Unreachable, reason);
}
