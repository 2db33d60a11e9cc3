using System.Threading.Channels;

namespace ChatPost.Bot.Channels;

/// <summary>Replies that missed the passive window, waiting for <see cref="LateReplyWorker"/> to send them through the API.</summary>
/// <remarks>In process for now: a restart loses what is queued. TODO(#7): keep it in a Redis stream.</remarks>
public sealed class LateReplyOutbox
{
    private readonly Channel<LateDelivery> _queue = Channel.CreateUnbounded<LateDelivery>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(LateDelivery delivery) => _queue.Writer.TryWrite(delivery);

    public ChannelReader<LateDelivery> Reader => _queue.Reader;
}

/// <summary>The replies of one turn to one user, sent in order.</summary>
public sealed record LateDelivery(string ChannelId, string UserId, IReadOnlyList<OutboundReply> Replies);
