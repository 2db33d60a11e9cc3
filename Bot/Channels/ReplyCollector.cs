using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Gathers what one turn says. Until the passive window closes, replies wait here; when it closes on time, the
/// channel's <see cref="ITurnDelivery"/> makes the passive reply of them, and the rest, like everything said
/// afterwards, goes its late way. A late turn's end is reported to the delivery after everything it said.
/// </summary>
internal sealed class ReplyCollector(ITurnDelivery delivery, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<OutboundReply> _waiting = [];
    private bool _closed;
    private bool _closedLate;
    private bool _ended;

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

        await SendLateAsync([reply], cancellationToken);
    }

    /// <summary>
    /// Closes the passive window. Returns the passive reply when <paramref name="onTime"/> and the turn said
    /// anything; everything else said so far goes the late way.
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

        var (passive, late) = onTime && said.Length > 0 ? delivery.SplitOnTime(said) : (null, said);
        if (late.Count > 0)
        {
            await SendLateAsync(late, cancellationToken);
        }

        if (!onTime)
        {
            bool ended;
            lock (_gate)
            {
                _closedLate = true;
                ended = _ended;
            }

            // The turn ended between the deadline and this close: its end is reported here, after what it said.
            if (ended)
            {
                await EndLateAsync();
            }
        }

        return passive;
    }

    /// <summary>The turn has ended; when it was late, the delivery hears so (once the late window holds all it said).</summary>
    public async Task EndAsync()
    {
        bool late;
        lock (_gate)
        {
            _ended = true;
            late = _closedLate;
        }

        if (late)
        {
            await EndLateAsync();
        }
    }

    private async Task SendLateAsync(IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken)
    {
        try
        {
            await delivery.SendLateAsync(replies, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            // The late ways keep their state in Redis: without it a late reply cannot be kept. The user can ask again.
            logger.StorageUnavailable("queueing a late reply", exception);
        }
    }

    private async Task EndLateAsync()
    {
        try
        {
            await delivery.EndLateAsync(CancellationToken.None);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            logger.StorageUnavailable("ending a late turn", exception);
        }
    }
}
