namespace ChatPost.Bot.Ingestion;

/// <summary>Log events of the ingestion API: EventIds 6000–6099. Never values of records: they hold phones and names.</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "Ingested {Kind} batch of {Total} records with rejections: {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected; first rejected at index {FirstIndex}: {FirstReason}")]
    public static partial void RecordsRejected(this ILogger logger, string kind, int total, int accepted, int duplicates, int rejected, int firstIndex, string firstReason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Ingested {Kind} batch of {Total} records: {Accepted} accepted, {Duplicates} duplicates")]
    public static partial void BatchIngested(this ILogger logger, string kind, int total, int accepted, int duplicates);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Rejected {Kind} ingestion request with {Status}: {Reason} (from {RemoteIp})")]
    public static partial void RequestRejected(this ILogger logger, string kind, int status, string reason, string? remoteIp);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Could not store a {Kind} batch of {Valid} valid records; answered 503 so that the sender retries it")]
    public static partial void StoreUnavailable(this ILogger logger, string kind, int valid, Exception exception);
}
