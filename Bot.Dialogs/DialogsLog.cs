using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Dialogs;

/// <summary>Log events of the conversation: EventIds 4000–4099. Never the message content.</summary>
internal static partial class DialogsLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Message understood as {Intent}")]
    public static partial void MessageUnderstood(this ILogger logger, Intent intent);
}
