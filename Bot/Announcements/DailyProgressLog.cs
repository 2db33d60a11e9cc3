namespace ChatPost.Bot.Announcements;

/// <summary>Log events of the daily progress announcement: EventIds 3000–3099 (the jobs range).</summary>
internal static partial class DailyProgressLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Computed the daily progress figures of {ReportDay} and {ChartCount} charts in {ElapsedMilliseconds} ms")]
    public static partial void FiguresComputed(this ILogger logger, DateOnly reportDay, int chartCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Reused the daily progress figures of {ReportDay}")]
    public static partial void FiguresReused(this ILogger logger, DateOnly reportDay);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Daily progress announcement of {ReportDay} for {City} dropped detail to fit one robot message: {Detail}")]
    public static partial void DetailDropped(this ILogger logger, DateOnly reportDay, string city, DailyProgressDetail detail);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Daily progress announcement asked for {City}, which is not one of the seventeen cities; composed without a city line")]
    public static partial void UnknownCity(this ILogger logger, string city);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Daily progress announcement of {ReportDay}: {Broadcasts} broadcasts handed to delivery (already sent before: {AlreadySent})")]
    public static partial void AnnouncementRun(this ILogger logger, DateOnly reportDay, int broadcasts, bool alreadySent);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Daily progress announcement due at {ScheduledFireTime} skipped: {Late} late")]
    public static partial void AnnouncementSkipped(this ILogger logger, DateTimeOffset scheduledFireTime, TimeSpan late);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Could not read whether today's daily progress announcement reached every group; the metric keeps its last reading")]
    public static partial void DeliveryWatchFailed(this ILogger logger, Exception exception);
}
