namespace ChatPost.Bot.Hosting;

/// <summary>Log events of the host: EventIds 5000–5049 (shared API concerns).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Rejected a call to the {Api} API at {Path}: missing or wrong bearer key (from {RemoteIp})")]
    public static partial void BearerKeyRejected(this ILogger logger, string api, string path, string? remoteIp);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Rate limit reached on {Path} (from {RemoteIp}); answered 429")]
    public static partial void RateLimited(this ILogger logger, string path, string? remoteIp);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Refused a request to {Path} that did not bind; answered {Status}: {Detail}")]
    public static partial void UnreadableBody(this ILogger logger, string path, int status, string detail);
}
