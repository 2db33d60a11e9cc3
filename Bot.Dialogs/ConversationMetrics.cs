using System.Diagnostics.Metrics;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Dialogs;

/// <summary>What the conversation measures (meter <c>ChatPost.Dialogs</c>): messages by recognised intent.</summary>
public sealed class ConversationMetrics
{
    public const string MeterName = "ChatPost.Dialogs";

    private readonly Counter<long> _messages;

    public ConversationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _messages = meters.Create(MeterName).CreateCounter<long>("chatpost.turns", "{turn}", "Citizen messages by recognised intent");
    }

    public void MessageUnderstood(Intent intent) => _messages.Add(1, new KeyValuePair<string, object?>("intent", intent.ToString()));
}
