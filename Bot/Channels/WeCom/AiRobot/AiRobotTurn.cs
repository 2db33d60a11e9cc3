using ChatPost.Bot.Storage;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// A member's message to the 智能机器人 (or a click on one of its cards) as a turn of the staff bot. The conversation
/// is the group (or, in single chat, the member), so that a group's turns run one at a time and share its state; the
/// member is the activity's <c>From</c>. A message is answered with its stream, a card click with the updated card.
/// </summary>
public sealed class AiRobotTurn : InboundTurn
{
    /// <summary>The Bot Builder channel id of the 智能机器人.</summary>
    public const string ChannelId = "wecom-robot";

    private readonly AiRobotMessage _message;
    private readonly string _text;
    private readonly string _replyTo;
    private readonly AiRobotStreamDelivery _delivery;
    private readonly DateTimeOffset _received;

    /// <param name="replyTo">The stream id for a message; the card's <c>task_id</c> for a click (<paramref name="delivery"/> then has no stream).</param>
    /// <param name="attempt">0 for the message's turn; n for its n-th run again after the turn died (<see cref="AiRobotTakeover"/>), which the turn gate must let through.</param>
    public AiRobotTurn(AiRobotMessage message, string text, string replyTo, AiRobotStreamDelivery delivery, DateTimeOffset received, int attempt = 0)
    {
        ArgumentNullException.ThrowIfNull(message);
        (_message, _text, _replyTo, _delivery, _received) = (message, text, replyTo, delivery, received);
        // Required fields of every message and event, checked by the callback before a turn is made of it.
        Keys = new TurnKeys(ChannelId, message.ConversationId!, attempt == 0 ? message.MsgId! : $"{message.MsgId}#{attempt}");
    }

    /// <inheritdoc/>
    public override TurnKeys Keys { get; }

    /// <inheritdoc/>
    public override string? Text => _text;

    /// <inheritdoc/>
    public override string NoReply => "";

    private bool IsCardClick => _message.MsgType == "event";

    /// <inheritdoc/>
    public override Activity ToActivity() => new()
    {
        Id = _message.MsgId,
        ChannelId = ChannelId,
        ServiceUrl = "wecom-robot://" + _message.AiBotId,
        Conversation = new ConversationAccount(isGroup: _message.ChatType == "group", id: Keys.UserId),
        From = new ChannelAccount(_message.From!.UserId, role: RoleTypes.User),
        Recipient = new ChannelAccount(_message.AiBotId, role: RoleTypes.Bot),
        Timestamp = _received,
        // No Locale, as WeChatActivityMapper explains.
        Type = ActivityTypes.Message,
        Text = _text,
        ChannelData = _message,
    };

    /// <inheritdoc/>
    /// <remarks>The turn starts here: its stream is kept from now until it ends.</remarks>
    public override ITurnDelivery CreateDelivery(LateReplyOutbox outbox)
    {
        _delivery.StartKeeping();
        return _delivery;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A message: on time, the whole answer (<c>finish:true</c>); late, what was said so far or a placeholder, which
    /// refreshes then follow. A card click: on time, the card updated (for the clicker alone while it still asks,
    /// for everyone once done); late, nothing (the answer goes to the click's response_url).
    /// </remarks>
    public override string Answer(TurnOutcome outcome)
    {
        if (IsCardClick)
        {
            return outcome.Reply is { } clicked
                ? AiRobotReplyJson.UpdateCard(_replyTo, AiRobotContent.Of(clicked), clicked.Actions.Count > 0 ? [_message.From!.UserId!] : null, clicked.Actions)
                : NoReply;
        }

        if (!outcome.OnTime)
        {
            return AiRobotReplyJson.Stream(_replyTo, finish: false, _delivery.Snapshot ?? AiRobotReplies.Working);
        }

        var reply = outcome.Reply ?? OutboundReply.ForText("");
        var content = AiRobotContent.Of(reply);
        var images = AiRobotReplyJson.Images(reply.Images);
        _delivery.CompleteOnTime(content, images);
        return AiRobotReplyJson.Stream(_replyTo, finish: true, content, images, reply.Actions);
    }
}
