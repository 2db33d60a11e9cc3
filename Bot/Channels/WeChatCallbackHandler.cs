using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Turns a verified, decrypted callback into the plaintext body of the answer, under WeChat's delivery rules:
/// the first copy of a message runs the turn; retried copies (concurrent or later, on any replica) wait for
/// and return that same answer; a turn that misses the deadline answers "no reply" and replies through the API.
/// Redis sees one round trip before the turn (<see cref="ITurnGate.EnterAsync"/>, which also reads what a bot that is an
/// <see cref="ILookupForecast"/> expects the turn to look up) and one after it.
/// </summary>
public sealed class WeChatCallbackHandler(WeChatAdapter adapter, ITurnGate gate, LateReplyOutbox outbox, TimeProvider time, ChatPostMetrics metrics,
    ILogger<WeChatCallbackHandler> logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the plaintext answer of an Official Account or WeCom app callback: a reply's XML, or the channel's "no reply" body.</summary>
    public Task<string> HandleAsync(IWeChatChannel channel, InboundMessage message, IBot bot, TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        return HandleAsync(new WeChatInboundTurn(channel, message, time), bot, deadline, cancellationToken);
    }

    /// <summary>Returns the plaintext answer to the callback of <paramref name="inbound"/> (<see cref="InboundTurn.Answer"/>).</summary>
    public async Task<string> HandleAsync(InboundTurn inbound, IBot bot, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(bot);
        var started = time.GetTimestamp();
        var turn = inbound.Keys;
        var forecast = bot is ILookupForecast forecasting && inbound.Text is { Length: > 0 } text ? forecasting.Forecast(text) : LookupForecast.None;
        var inOneStep = bot is IOneStepAnswers && forecast.InOneStep;
        // A sandbox user's turn (staff trying the bot, the start-up warm-up) runs like any other but counts nothing.
        var citizen = !UserIds.IsSandbox(turn.UserId);
        var entry = await EnterAsync(turn, forecast.TrackingNumbers, inOneStep, cancellationToken);
        if (!entry.IsFirst)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.DuplicateServed(turn.ChannelId, UserIds.MaskDeliveryId(turn.DedupeKey));
            }

            if (citizen)
            {
                metrics.DuplicateServed(turn.ChannelId);
            }

            return entry.Reply ?? await WaitForFirstCopyAsync(inbound, deadline - time.GetElapsedTime(started), cancellationToken);
        }

        var outcome = await AnswerInOneStepAsync(inbound, bot, forecast, entry, citizen)
            ?? await adapter.ProcessAsync(inbound, bot.OnTurnAsync, deadline - time.GetElapsedTime(started), entry.Lease, cancellationToken);
        var body = inbound.Answer(outcome);
        // Stored even when the caller went away: WeChat's retry of this message must get this answer. The gate need not
        // wait for Redis to confirm it (RedisTurnGate.LeaveAsync): a copy arriving meanwhile polls until it is stored.
        await LeaveAsync(turn, body, outcome.LeaseToRelease);
        if (entry.NotificationsWaiting)
        {
            await ReleaseNotificationsAsync(turn);
        }

        if (citizen)
        {
            metrics.TurnAnswered(turn.ChannelId, outcome.Reply is null ? "none" : "passive", time.GetElapsedTime(started));
        }

        return body;
    }

    /// <summary>
    /// The outcome of a message the bot answers in one step (<see cref="IOneStepAnswers"/>), which needs no turn around it:
    /// only when the gate let it in so (the conversation has no stored state; on Redis no lock is taken for it); null
    /// otherwise, or when the bot declines after all, and the turn then runs (taking the lock if it was not). What it reads
    /// was read on the way in (the forecast's lookups), so it cannot outlast the deadline; like a turn, it completes when
    /// the caller went away.
    /// </summary>
    private async Task<TurnOutcome?> AnswerInOneStepAsync(InboundTurn inbound, IBot bot, LookupForecast forecast, TurnEntry entry, bool citizen)
    {
        if (!entry.InOneStep || bot is not IOneStepAnswers oneStep)
        {
            return null;
        }

        try
        {
            return await oneStep.TryAnswerAsync(inbound.Keys.UserId, forecast, citizen, CancellationToken.None) is { } reply
                ? new TurnOutcome(OutboundReply.ForText(reply), entry.Lease)
                : null;
        }
        catch (Exception exception)
        {
            // As a failed turn answers (WeChatAdapter): there is no conversation state to forget.
            logger.TurnFailed(inbound.Keys.ChannelId, UserIds.MaskDeliveryId(inbound.Keys.DedupeKey), exception);
            return new TurnOutcome(OutboundReply.ForText(TurnErrorReplies.Apology), entry.Lease);
        }
    }

    /// <summary>Claims the message; while Redis is down every copy runs (a retry may then be answered twice, never not at all).</summary>
    private async Task<TurnEntry> EnterAsync(TurnKeys turn, IReadOnlyList<string> lookups, bool inOneStep, CancellationToken cancellationToken)
    {
        try
        {
            return await gate.EnterAsync(turn, lookups, inOneStep, cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            logger.StorageUnavailable("deduplicating a callback", exception);
            return new TurnEntry(IsFirst: true, Reply: null);
        }
    }

    private async Task LeaveAsync(TurnKeys turn, string body, LockLease? lease)
    {
        try
        {
            await gate.LeaveAsync(turn, body, lease, CancellationToken.None);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            logger.StorageUnavailable("keeping a reply for retries", exception);
        }
    }

    /// <summary>
    /// The user wrote, so what waited for it can go now, after this turn's answer: one more round trip, for users with
    /// notifications waiting only. Lost while Redis is down, it is queued again at their next message.
    /// </summary>
    private async Task ReleaseNotificationsAsync(TurnKeys turn)
    {
        try
        {
            await outbox.AddReleaseAsync(turn.ChannelId, turn.UserId, CancellationToken.None);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            logger.StorageUnavailable("queueing the notifications that waited for a message", exception);
        }
    }

    private async Task<string> WaitForFirstCopyAsync(InboundTurn inbound, TimeSpan patience, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < patience)
        {
            await Task.Delay(PollInterval, time, cancellationToken);
            if (await gate.GetReplyAsync(inbound.Keys, cancellationToken) is { } reply)
            {
                return reply;
            }
        }

        // The first copy's turn is late too: it will answer the late way, so this copy must not.
        return inbound.NoReply;
    }
}
