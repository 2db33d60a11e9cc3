using ChatPost.Bot.Console.Sandbox;
using ChatPost.Bot.Ingestion.Spreadsheets;

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

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information,
        Message = "Console import of {Kind} by {User}: {Rows} rows, {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected (storage unavailable: {Unavailable})")]
    public static partial void Imported(this ILogger logger, RecordKind kind, string user, int rows, int accepted,
        int duplicates, int rejected, bool unavailable);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "Console import of {Kind} by {User} refused: {Problem}")]
    public static partial void ImportRefused(this ILogger logger, RecordKind kind, string user,
        SpreadsheetProblemKind problem);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Information, Message = "Console sandbox turn by {User} with the {Bot} bot: {Replies} replies (late: {Late})")]
    public static partial void SandboxTurn(this ILogger logger, string user, SandboxBot bot, int replies, bool late);
}
