using ChatPost.Bot.Dialogs;
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

    /// <summary>The channel's activity; a sandbox user's is marked so (<see cref="SandboxTurns"/>), so that it counts as no citizen's.</summary>
    public override Activity ToActivity()
    {
        var activity = WeChatActivityMapper.ToActivity(channel.ChannelId, message);
        if (UserIds.IsSandbox(message.FromUserName))
        {
            SandboxTurns.Mark(activity);
        }

        return activity;
    }

    /// <summary>
    /// Late replies go through the channel's API; a sandbox user's nowhere: it has no account to send them to. (A sandbox
    /// user's callback is the start-up warm-up's, which reads only the passive answer; the console keeps its own.)
    /// </summary>
    public override ITurnDelivery CreateDelivery(LateReplyOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return UserIds.IsSandbox(message.FromUserName) ? Unsent.Instance : outbox.DeliveryTo(channel.ChannelId, message.FromUserName);
    }

    private sealed class Unsent : ITurnDelivery
    {
        public static readonly Unsent Instance = new();

        public Task SendLateAsync(IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task EndLateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override string Answer(TurnOutcome outcome) => outcome.Reply is null
        ? channel.NoReply
        : PassiveReplyRenderer.Render(message, outcome.Reply, time.GetUtcNow().ToUnixTimeSeconds());
}
