namespace ChatPost.Bot.Warmup;

/// <summary>Log events of the start-up warm-up: EventIds 5060–5069 (the host's range). Counts only: its users are its own.</summary>
internal static partial class WarmupLog
{
    [LoggerMessage(EventId = 5060, Level = LogLevel.Information, Message = "Warmed up: {Answered} callbacks answered, {BackgroundRuns} scrapes and knowledge-base checks, in {ElapsedMs} ms")]
    public static partial void WarmedUp(this ILogger logger, int answered, int backgroundRuns, long elapsedMs);

    [LoggerMessage(EventId = 5061, Level = LogLevel.Warning,
        Message = "Warm-up stopped: a callback was refused with {Status} (after {Answered} answered); the first requests will be slower")]
    public static partial void WarmupRefused(this ILogger logger, int status, int answered);

    [LoggerMessage(EventId = 5062, Level = LogLevel.Warning, Message = "Warm-up failed; the first requests will be slower")]
    public static partial void WarmupFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5063, Level = LogLevel.Warning, Message = "No warm-up: the service listens on no plain-HTTP address it can reach itself")]
    public static partial void NoLoopbackAddress(this ILogger logger);
}
