using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Gathers what one turn says. Until the passive window closes, replies wait here; when it closes on time, the
/// channel's <see cref="ITurnDelivery"/> makes the passive reply of them, and the rest, like everything said
/// afterwards, goes its late way. Late sends go one after another in the order they were said, and a late turn's end
/// after all of them, whichever thread said them and however slowly the late way takes them.
/// </summary>
internal sealed class ReplyCollector(ITurnDelivery delivery, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<OutboundReply> _waiting = [];
    private bool _closed;
    private bool _closedLate;
    private bool _ended;
    private Task _lateSends = Task.CompletedTask;

    /// <summary>Every late send and end queued so far, done: shutdown waits for it (<see cref="InFlightTurns"/>).</summary>
    public Task LateSends
    {
        get
        {
            lock (_gate)
            {
                return _lateSends;
            }
        }
    }

    public Task AddAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _waiting.Add(reply);
                return Task.CompletedTask;
            }

            return Then(() => SendLateAsync([reply], cancellationToken));
        }
    }

    /// <summary>
    /// Closes the passive window. Returns the passive reply when <paramref name="onTime"/> and the turn said anything;
    /// everything else said so far is queued for the late way (<see cref="LateSends"/>), which this does not wait for:
    /// the caller's answer must not wait on the storage of the late way (slow while Redis fails over).
    /// </summary>
    public OutboundReply? Close(bool onTime)
    {
        lock (_gate)
        {
            _closed = true;
            var (passive, late) = onTime && _waiting.Count > 0 ? delivery.SplitOnTime([.. _waiting]) : (null, [.. _waiting]);
            _waiting.Clear();
            if (late.Count > 0)
            {
                Then(() => SendLateAsync(late, CancellationToken.None));
            }

            if (!onTime)
            {
                _closedLate = true;
                // The turn ended between the deadline and this close: its end is reported here, after what it said.
                if (_ended)
                {
                    Then(EndLateAsync);
                }
            }

            return passive;
        }
    }

    /// <summary>The turn has ended; when it was late, the delivery hears so after all it said. Returns when all is sent.</summary>
    public Task EndAsync()
    {
        lock (_gate)
        {
            _ended = true;
            return _closedLate ? Then(EndLateAsync) : _lateSends;
        }
    }

    // Under _gate, so that the order of the calls is the order of the sends. Each send starts on the thread pool once
    // the one before it is done, whether it failed or not (a failure was logged where it happened): never under the lock.
    private Task Then(Func<Task> send) =>
        _lateSends = _lateSends.ContinueWith(_ => send(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

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
