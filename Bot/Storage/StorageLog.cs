namespace ChatPost.Bot.Storage;

/// <summary>Log events of shared storage: EventIds 2000–2099.</summary>
public static partial class StorageLog
{
    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Redis is unavailable; {Operation} goes on without it")]
    public static partial void StorageUnavailable(this ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning,
        Message = "A durable write was acknowledged by {Acknowledged} of {Wanted} replicas in time; it stands on the primary alone")]
    public static partial void NotAcknowledgedByReplicas(this ILogger logger, long acknowledged, long wanted);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Redis is unavailable; {Method} {Path} answered 503")]
    public static partial void AnsweredUnavailable(this ILogger logger, string method, string path, Exception exception);
}
