namespace ChatPost.Bot.Console;

/// <summary>Log events of the console: EventIds 7000–7099. UserIDs shortened, keys and codes never logged.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Console sign-in by {User} as {Role} with {Method}")]
    public static partial void SignedIn(this ILogger logger, string user, ConsoleRole role, string method);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Console sign-in with {Method} failed from {RemoteIp}: {Reason}")]
    public static partial void SignInFailed(this ILogger logger, string method, string? remoteIp, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Console sign-in refused from {RemoteIp}: too many failed sign-ins")]
    public static partial void SignInThrottled(this ILogger logger, string? remoteIp);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Console form post to {Path} refused: missing or invalid antiforgery token (from {RemoteIp})")]
    public static partial void AntiforgeryRejected(this ILogger logger, string path, string? remoteIp);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Console sign-out by {User}")]
    public static partial void SignedOut(this ILogger logger, string user);
}
