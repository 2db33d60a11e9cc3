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

    [LoggerMessage(EventId = 8010, Level = LogLevel.Debug, Message = "Notification by {Channel} {Outcome} for user {User}, item {Item}")]
    public static partial void Notified(this ILogger logger, string channel, string outcome, string user, string item);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Warning,
        Message = "Notification by {Channel} for user {User}, item {Item} refused with errcode {ErrorCode}; trying the next way")]
    public static partial void NotificationRefused(this ILogger logger, string channel, string user, string item, int errorCode);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Warning, Message = "Notification by {Channel} for user {User}, item {Item} failed with errcode {ErrorCode}; retrying later")]
    public static partial void NotificationRetrying(this ILogger logger, string channel, string user, string item, int errorCode);

    [LoggerMessage(EventId = 8013, Level = LogLevel.Error, Message = "Notification by {Channel} for user {User}, item {Item} failed for good with errcode {ErrorCode}; dropped")]
    public static partial void NotificationFailed(this ILogger logger, string channel, string user, string item, int errorCode);
}
