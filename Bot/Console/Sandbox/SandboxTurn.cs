using ChatPost.Bot.Channels;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Console.Sandbox;

/// <summary>
/// A message typed in the console's 对话测试, as the turn pipeline sees it: read exactly as the channel reads its own
/// callbacks (<see cref="WeChatInboundTurn"/>), but from a sandbox user and with every reply kept for the page instead of
/// going through WeChat's API. The answer to the "callback" is what the turn said by its deadline, in order
/// (<see cref="SandboxReply.Encode"/>), so that a form posted twice is answered from the turn gate like a retried push.
/// </summary>
internal sealed class SandboxTurn(IWeChatChannel channel, InboundMessage message, TimeProvider time) : InboundTurn
{
    private readonly WeChatInboundTurn _wechat = new(channel, message, time);
    private readonly KeptDelivery _delivery = new();

    public override TurnKeys Keys => _wechat.Keys;

    public override string? Text => _wechat.Text;

    public override string NoReply => "";

    /// <summary>The channel's activity, marked as a sandbox user's (<see cref="SandboxTurns"/>): staff asked it, not a citizen.</summary>
    public override Activity ToActivity() => _wechat.ToActivity();

    /// <summary>Keeps the replies here: a sandbox user has no WeChat account to send them to.</summary>
    public override ITurnDelivery CreateDelivery(LateReplyOutbox outbox)
    {
        _delivery.Used = true;
        return _delivery;
    }

    public override string Answer(TurnOutcome outcome)
    {
        List<OutboundReply> said = outcome.Reply is { } passive ? [passive] : [];
        said.AddRange(_delivery.Take());
        return SandboxReply.Encode([.. said.Select(SandboxReply.From), .. outcome.OnTime ? [] : new[] { SandboxReply.Late }]);
    }

    /// <summary>
    /// What a turn that missed its deadline said afterwards, once it has ended (a real user would get it through the
    /// channel's API), waiting at most <paramref name="patience"/>; nothing when this post did not run the turn.
    /// </summary>
    public async Task<IReadOnlyList<SandboxReply>> SaidLateAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        if (!_delivery.Used)
        {
            return [];
        }

        try
        {
            await _delivery.Ended.Task.WaitAsync(patience, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Show what it said so far; the page says the turn was late.
        }

        return [.. _delivery.Take().Select(SandboxReply.From)];
    }

    /// <summary>The first reply is the passive one, the rest would follow through the channel's API: all are shown.</summary>
    private sealed class KeptDelivery : ITurnDelivery
    {
        private readonly List<OutboundReply> _late = [];

        public bool Used { get; set; }

        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendLateAsync(IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken)
        {
            lock (_late)
            {
                _late.AddRange(replies);
            }

            return Task.CompletedTask;
        }

        public Task EndLateAsync(CancellationToken cancellationToken)
        {
            Ended.TrySetResult();
            return Task.CompletedTask;
        }

        /// <summary>The replies kept since the last take.</summary>
        public OutboundReply[] Take()
        {
            lock (_late)
            {
                OutboundReply[] taken = [.. _late];
                _late.Clear();
                return taken;
            }
        }
    }
}
