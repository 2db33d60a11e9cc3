namespace ChatPost.Bot.Storage;

/// <summary>Log events of shared storage: EventIds 2000–2099.</summary>
public static partial class StorageLog
{
    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Redis is unavailable; {Operation} goes on without it")]
    public static partial void StorageUnavailable(this ILogger logger, string operation, Exception exception);
}
