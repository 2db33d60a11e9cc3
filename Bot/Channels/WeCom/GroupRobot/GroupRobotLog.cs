namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>
/// Log events of the group-robot client: EventIds 3100–3149. Robots appear as <see cref="WebhookKeyHash.Mask"/>;
/// failures as <c>errcode 93000</c>, <c>HTTP 502</c> or <c>timed out</c>. Keys and message content never appear,
/// nor WeCom's errmsg (which can echo request details).
/// </summary>
internal static partial class GroupRobotLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Robot {Robot} accepted part {Part} of {Parts}")]
    public static partial void PartSent(this ILogger logger, string robot, int part, int parts);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Robot {Robot} has no free slot this minute; waiting {Wait}")]
    public static partial void WaitingForSlot(this ILogger logger, string robot, TimeSpan wait);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Robot {Robot} part {Part} of {Parts}, attempt {Attempt}: {Failure}; retrying in {Delay}")]
    public static partial void AttemptFailed(this ILogger logger, string robot, int part, int parts, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "WeCom throttled robot {Robot} (errcode 45009) although our limiter had room: somebody else uses it; holding every replica off it for a minute")]
    public static partial void Throttled(this ILogger logger, string robot);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "Robot {Robot} refused part {Part} of {Parts} for good: {Failure}")]
    public static partial void PartRefused(this ILogger logger, string robot, int part, int parts, string failure);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "Gave up on robot {Robot} part {Part} of {Parts} after {Attempts} attempts: {Failure}")]
    public static partial void GaveUp(this ILogger logger, string robot, int part, int parts, int attempts, string failure);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Did not send a {Kind} message to robot {Robot}: {Reason}")]
    public static partial void MessageRefused(this ILogger logger, string kind, string robot, string reason);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Debug, Message = "Sending a {Kind} message to robot {Robot} in {Parts} parts")]
    public static partial void Sending(this ILogger logger, string kind, string robot, int parts);
}
