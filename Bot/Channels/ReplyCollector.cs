using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Gathers what one turn says. Until the passive window closes, replies wait here; when it closes, the first
/// becomes the passive reply (if the turn was on time) and the rest, like everything said afterwards, go to
/// the <see cref="LateReplyOutbox"/>.
/// </summary>
internal sealed class ReplyCollector(string channelId, string userId, LateReplyOutbox lateReplies, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<OutboundReply> _waiting = [];
    private bool _closed;

    public async Task AddAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _waiting.Add(reply);
                return;
            }
        }

        await QueueAsync([reply], cancellationToken);
    }

    /// <summary>
    /// Closes the passive window. Returns the passive reply when <paramref name="onTime"/> and the turn said
    /// anything; everything else said so far is queued for the API.
    /// </summary>
    public async Task<OutboundReply?> CloseAsync(bool onTime, CancellationToken cancellationToken)
    {
        OutboundReply[] said;
        lock (_gate)
        {
            _closed = true;
            said = [.. _waiting];
            _waiting.Clear();
        }

        var passive = onTime && said.Length > 0 ? said[0] : null;
        var late = passive is null ? said : said[1..];
        if (late.Length > 0)
        {
            await QueueAsync(late, cancellationToken);
        }

        return passive;
    }

    private async Task QueueAsync(IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken)
    {
        try
        {
            await lateReplies.AddAsync(channelId, userId, replies, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            // The outbox is Redis: without it a late reply cannot be kept. The user can ask again.
            logger.StorageUnavailable("queueing a late reply", exception);
        }
    }
}
