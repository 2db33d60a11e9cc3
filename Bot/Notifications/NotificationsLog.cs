namespace ChatPost.Bot.Notifications;

/// <summary>
/// Log events of citizens' watches and notifications: EventIds 8000–8099. Users and items only masked (their first
/// characters), never a notification's text.
/// </summary>
internal static partial class NotificationsLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "User {User} watches {Item}")]
    public static partial void WatchStarted(this ILogger logger, string user, string item);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "User {User} unfollowed; {Count} watches deleted")]
    public static partial void WatchesForgotten(this ILogger logger, string user, int count);
}
