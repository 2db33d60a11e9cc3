using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Channels;

/// <summary>A message or event of the Official Account or the WeCom app (XML, one user per conversation).</summary>
public sealed class WeChatInboundTurn(IWeChatChannel channel, InboundMessage message, TimeProvider time) : InboundTurn
{
    /// <inheritdoc/>
    public override TurnKeys Keys { get; } = new(channel.ChannelId, message.FromUserName, message.DedupeKey, UserWrote: message.MsgType != "event");

    /// <inheritdoc/>
    public override string? Text => WeChatActivityMapper.TextOf(message);

    /// <inheritdoc/>
    public override string NoReply => channel.NoReply;

    /// <inheritdoc/>
    public override Activity ToActivity() => WeChatActivityMapper.ToActivity(channel.ChannelId, message);

    /// <inheritdoc/>
    public override ITurnDelivery CreateDelivery(LateReplyOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return outbox.DeliveryTo(channel.ChannelId, message.FromUserName);
    }

    /// <inheritdoc/>
    public override string Answer(TurnOutcome outcome) => outcome.Reply is null
        ? channel.NoReply
        : PassiveReplyRenderer.Render(message, outcome.Reply, time.GetUtcNow().ToUnixTimeSeconds());
}
