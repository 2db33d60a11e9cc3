namespace ChatPost.Bot.WeChat;

/// <summary>Log events of the WeChat protocol layer and its channels: EventIds 1000–1099.</summary>
internal static partial class WeChatLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Rejected WeChat callback on {Channel}: {Reason} (from {RemoteIp})")]
    public static partial void CallbackRejected(this ILogger logger, string channel, string reason, string? remoteIp);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Fetched the access_token of {Account}, valid {ExpiresInSeconds} s")]
    public static partial void TokenFetched(this ILogger logger, string account, int expiresInSeconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Could not fetch the access_token of {Account}: errcode {ErrorCode} {ErrorMessage}")]
    public static partial void TokenFetchFailed(this ILogger logger, string account, int errorCode, string? errorMessage);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "WeChat rejected the access_token of {Account} with errcode {ErrorCode}; fetching it again")]
    public static partial void TokenRejected(this ILogger logger, string account, int errorCode);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "WeChat API {Operation} failed: errcode {ErrorCode} {ErrorMessage}")]
    public static partial void ApiCallFailed(this ILogger logger, string operation, int errorCode, string? errorMessage);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Served the stored reply to a retried copy of {DedupeKey} on {Channel}")]
    public static partial void DuplicateServed(this ILogger logger, string channel, string dedupeKey);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Turn {ActivityId} on {Channel} missed the passive-reply deadline; its replies go through the API")]
    public static partial void TurnLate(this ILogger logger, string channel, string activityId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Late reply to {User} on {Channel} could not be delivered, retrying later: errcode {ErrorCode} {ErrorMessage}")]
    public static partial void LateReplyFailed(this ILogger logger, string channel, string user, int errorCode, string? errorMessage);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Late reply to {User} on {Channel} dropped: errcode {ErrorCode}")]
    public static partial void LateReplyDropped(this ILogger logger, string channel, string user, int errorCode);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Error, Message = "Turn {ActivityId} on {Channel} failed")]
    public static partial void TurnFailed(this ILogger logger, string channel, string activityId, Exception exception);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Error, Message = "Callback on {Channel} could not be processed; answered without a reply")]
    public static partial void CallbackFailed(this ILogger logger, string channel, Exception exception);
}
