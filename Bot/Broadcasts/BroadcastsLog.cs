namespace ChatPost.Bot.Broadcasts;

/// <summary>Log events of broadcasts and their delivery: EventIds 3150–3199. Never message content or webhook keys.</summary>
internal static partial class BroadcastsLog
{
    [LoggerMessage(EventId = 3150, Level = LogLevel.Information, Message = "Broadcast {BroadcastId} accepted from {Origin} by {Actor} for {Groups} groups, due {At}")]
    public static partial void BroadcastAccepted(this ILogger logger, string broadcastId, string origin, string actor, int groups, DateTimeOffset? at);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Warning, Message = "Broadcast from {Origin} by {Actor} refused: {Reason}")]
    public static partial void BroadcastRefused(this ILogger logger, string origin, string actor, string reason);

    [LoggerMessage(EventId = 3152, Level = LogLevel.Information, Message = "Delivery of {BroadcastId} to {GroupId} finished: {Status} {Error}")]
    public static partial void DeliveryFinished(this ILogger logger, string broadcastId, string groupId, DeliveryStatus status, string? error);

    [LoggerMessage(EventId = 3153, Level = LogLevel.Warning, Message = "Delivery of {BroadcastId} to {GroupId} failed (attempt {Attempts}), retrying later: {Error}")]
    public static partial void DeliveryWillRetry(this ILogger logger, string broadcastId, string groupId, int attempts, string? error);



    [LoggerMessage(EventId = 3156, Level = LogLevel.Information, Message = "Broadcast {BroadcastId} completed: {Sent} of {Total} groups reached")]
    public static partial void BroadcastCompleted(this ILogger logger, string broadcastId, int sent, int total);

    [LoggerMessage(EventId = 3157, Level = LogLevel.Warning, Message = "The completion summary of {BroadcastId} could not reach its manager: errcode {ErrorCode}")]
    public static partial void SummaryNotSent(this ILogger logger, string broadcastId, int errorCode);

    [LoggerMessage(EventId = 3158, Level = LogLevel.Information, Message = "Broadcast {BroadcastId} cancelled by {Actor}")]
    public static partial void BroadcastCancelled(this ILogger logger, string broadcastId, string actor);

    [LoggerMessage(EventId = 3159, Level = LogLevel.Warning, Message = "Could not restore the schedule of timed broadcasts yet; retrying")]
    public static partial void ScheduleRestoreFailed(this ILogger logger, Exception exception);
}
