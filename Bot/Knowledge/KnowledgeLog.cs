namespace ChatPost.Bot.Knowledge;

/// <summary>Log events of the knowledge base: EventIds 9000–9099. Entry ids and counts only, never questions or answers; actors shortened like user ids.</summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Knowledge base seeded with {Count} entries from config/faq.json")]
    public static partial void Seeded(this ILogger logger, int count);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "FAQ index rebuilt at revision {Revision}: {Count} entries answer, in {Milliseconds} ms")]
    public static partial void IndexRebuilt(this ILogger logger, long revision, int count, long milliseconds);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning,
        Message = "Could not read the knowledge base; answering from revision {Revision} until it can be read again")]
    public static partial void RefreshFailed(this ILogger logger, long revision, Exception exception);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Knowledge base readable again at revision {Revision}")]
    public static partial void RefreshRecovered(this ILogger logger, long revision);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Knowledge entry {EntryId} {Change} by {Actor}: version {Version}")]
    public static partial void EntryChanged(this ILogger logger, string entryId, string change, string actor, int version);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "Refused a knowledge change ({Operation}): {Status} {Fields}")]
    public static partial void ChangeRefused(this ILogger logger, string operation, KnowledgeStatus status, string fields);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Information, Message = "Knowledge import by {Actor}: {Created} created, {Updated} updated, {Deleted} deleted, {Unchanged} unchanged")]
    public static partial void Imported(this ILogger logger, string actor, int created, int updated, int deleted, int unchanged);

    [LoggerMessage(EventId = 9009, Level = LogLevel.Warning, Message = "Could not write {Count} unanswered questions; they are not counted")]
    public static partial void UnansweredDropped(this ILogger logger, int count, Exception exception);
}
