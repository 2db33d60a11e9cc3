namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>Log events of the 智能机器人 channel: EventIds 1060–1079 (the WeChat range).</summary>
internal static partial class AiRobotLog
{
    [LoggerMessage(EventId = 1060, Level = LogLevel.Warning, Message = "智能机器人 callback for another robot ({BotId}) answered empty")]
    public static partial void ForeignRobot(this ILogger logger, string botId);

    [LoggerMessage(EventId = 1061, Level = LogLevel.Warning, Message = "Refused to post to a response_url outside WeCom:Robot:ResponseUrlPrefix (host {Host})")]
    public static partial void ResponseUrlRefused(this ILogger logger, string host);

    [LoggerMessage(EventId = 1062, Level = LogLevel.Warning, Message = "Posting to the response_url failed: HTTP {Status}, errcode {ErrorCode}")]
    public static partial void ResponseUrlFailed(this ILogger logger, int status, int errorCode);

    [LoggerMessage(EventId = 1063, Level = LogLevel.Warning, Message = "Posting to the response_url failed")]
    public static partial void ResponseUrlUnreachable(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1064, Level = LogLevel.Information, Message = "Feedback {Rating} on a 智能机器人 reply in {Conversation}")]
    public static partial void FeedbackReceived(this ILogger logger, int rating, string conversation);

    [LoggerMessage(EventId = 1065, Level = LogLevel.Debug, Message = "Answered a refresh of an unknown 智能机器人 stream")]
    public static partial void UnknownStream(this ILogger logger);

    [LoggerMessage(EventId = 1066, Level = LogLevel.Warning,
        Message = "Running 智能机器人 turn {ActivityId} again (attempt {Attempt}): nobody kept its stream, so its replica died with it")]
    public static partial void TurnTakenOver(this ILogger logger, string activityId, int attempt);
}
