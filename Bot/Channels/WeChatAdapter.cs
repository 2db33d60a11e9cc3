using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Channels;

/// <summary>
/// The Bot Builder adapter of every WeChat and WeCom channel. A turn runs under a per-conversation lock (turns of one
/// user, or of one 智能机器人 group, run one at a time, across replicas) and a deadline: what it says before the
/// deadline can answer passively; what comes later goes the channel's late way (its API, or the robot's stream).
/// </summary>
public sealed partial class WeChatAdapter : BotAdapter
{
    private readonly IDistributedLock _locks;
    private readonly LateReplyOutbox _lateReplies;
    private readonly InFlightTurns _inFlight;
    private readonly ConversationState _conversationState;
    private readonly TimeProvider _time;
    private readonly ILogger<WeChatAdapter> _logger;

    public WeChatAdapter(IDistributedLock locks, LateReplyOutbox lateReplies, InFlightTurns inFlight,
        ConversationState conversationState, TimeProvider time, ILogger<WeChatAdapter> logger)
    {
        (_locks, _lateReplies, _inFlight, _conversationState, _time, _logger) = (locks, lateReplies, inFlight, conversationState, time, logger);
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>
    /// Runs the turn of <paramref name="turn"/> and waits for it up to <paramref name="deadline"/>.
    /// Returns the passive reply, or <see langword="null"/> when the turn said nothing in time; a late turn
    /// carries on in the background and its replies go the channel's late way (<see cref="InboundTurn.CreateDelivery"/>).
    /// </summary>
    /// <param name="lease">
    /// The conversation's turn lock when the caller took it already; else the turn waits for it. When the turn ends before
    /// this returns, the lease comes back in <see cref="TurnOutcome.LeaseToRelease"/>, for the caller to release with its
    /// answer; otherwise the turn releases it when it ends.
    /// </param>
    /// <param name="cancellationToken">Stops waiting (the caller went away); the turn itself still completes.</param>
    public async Task<TurnOutcome> ProcessAsync(InboundTurn turn, BotCallbackHandler logic, TimeSpan deadline, LockLease? lease,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.ToActivity();
        var collector = new ReplyCollector(turn.CreateDelivery(_lateReplies), _logger);
        var handOff = lease is null ? null : new TurnLockHandOff(lease);

        // Not tied to the request: WeChat hangs up after 5 s, but the turn must finish and answer the late way.
        var running = RunTurnAsync(turn.Keys, activity, collector, logic, handOff);
        _inFlight.Track(running);
        var onTime = true;
        try
        {
            // A deadline already past (the way in took it all) waits for nothing; WaitAsync refuses a negative one.
            await running.WaitAsync(deadline > TimeSpan.Zero ? deadline : TimeSpan.Zero, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            onTime = false;
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.TurnLate(turn.Keys.ChannelId, UserIds.MaskDeliveryId(activity.Id));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            onTime = false;
        }

        // The queued replies are written even if the caller went away: the user must still get them. The answer does not
        // wait for that writing; shutdown does.
        var reply = collector.Close(onTime);
        _inFlight.Track(collector.LateSends);
        return new TurnOutcome(reply, handOff?.OnCallerAnswered(), onTime);
    }

    /// <inheritdoc/>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var collector = turnContext.TurnState.Get<ReplyCollector>();
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            if (OutboundReply.From(activities[i]) is { } reply)
            {
                await collector.AddAsync(reply, cancellationToken);
            }

            responses[i] = new ResourceResponse(Guid.NewGuid().ToString("N"));
        }

        return responses;
    }

    /// <summary>WeChat messages cannot be edited.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat messages cannot be edited.");

    /// <summary>WeChat messages cannot be recalled by a bot.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat messages cannot be recalled.");

    private async Task RunTurnAsync(TurnKeys keys, Activity activity, ReplyCollector collector, BotCallbackHandler logic,
        TurnLockHandOff? handOff)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object>
        {
            ["ChannelId"] = keys.ChannelId,
            ["ConversationId"] = UserIds.Mask(activity.Conversation.Id),
            ["ActivityId"] = UserIds.MaskDeliveryId(activity.Id),
        });
        var ownLease = handOff is null ? await AcquireTurnLockAsync(keys.LockName) : null;
        try
        {
            using var context = new TurnContext(this, activity);
            context.TurnState.Add(collector);
            await RunPipelineAsync(context, logic, CancellationToken.None);
        }
        finally
        {
            await ReleaseAsync(ownLease ?? handOff?.OnTurnEnded());
        }

        // After the lock: ending a late turn may wait on the channel (a 智能机器人 answer posted to its response_url).
        await collector.EndAsync();
    }

    private async Task ReleaseAsync(LockLease? lease)
    {
        if (lease is null)
        {
            return;
        }

        try
        {
            await lease.DisposeAsync();
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            _logger.StorageUnavailable("releasing a user's turn lock", exception);
        }
    }

    /// <summary>The user's turn lock; while Redis is down turns go on unlocked (state is not written then anyway).</summary>
    private async Task<LockLease?> AcquireTurnLockAsync(string lockName)
    {
        try
        {
            return await _locks.AcquireAsync(lockName, TurnGateTimes.TurnLock, _time, CancellationToken.None);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            _logger.StorageUnavailable("locking a user's turn", exception);
            return null;
        }
    }

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        _logger.TurnFailed(turnContext.Activity.ChannelId, UserIds.MaskDeliveryId(turnContext.Activity.Id), exception);
        await turnContext.SendActivityAsync(TurnErrorReplies.Apology);
        try
        {
            // Forget the conversation so that a broken dialog state cannot fail every following turn too.
            await _conversationState.DeleteAsync(turnContext);
        }
        catch (Exception storageFailure) when (StorageFailure.IsUnavailable(storageFailure))
        {
            _logger.StorageUnavailable("forgetting a failed conversation", storageFailure);
        }
    }
}
