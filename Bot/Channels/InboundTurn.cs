using ChatPost.Bot.Storage;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Channels;

/// <summary>
/// One verified, decrypted callback as the turn pipeline (<see cref="WeChatCallbackHandler"/>, <see cref="WeChatAdapter"/>)
/// sees it, whatever the channel's wire format: whose turn it is, the activity the bot reads, how its replies travel,
/// and how the answer to the callback is written.
/// </summary>
public abstract class InboundTurn
{
    /// <summary>The channel, the conversation whose turns run one at a time, and what the platform's retries share.</summary>
    public abstract TurnKeys Keys { get; }

    /// <summary>What the bot will read, for a bot that forecasts its lookups; null when the message has no text.</summary>
    public abstract string? Text { get; }

    /// <summary>The answer that carries no reply (a retried copy whose first copy is late gets it too).</summary>
    public abstract string NoReply { get; }

    /// <summary>The activity the bot sees.</summary>
    public abstract Activity ToActivity();

    /// <summary>Where this turn's replies go beyond the passive answer; <paramref name="outbox"/> is the API channels' way.</summary>
    public abstract ITurnDelivery CreateDelivery(LateReplyOutbox outbox);

    /// <summary>The body that answers the callback, once the turn ended or its deadline passed.</summary>
    public abstract string Answer(TurnOutcome outcome);
}
