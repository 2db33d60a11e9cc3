using ChatPost.Bot.Dialogs.Dialogs;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Dialogs.Features.Tracking;

/// <summary>
/// "Where is my item?": answers from the ingested events, asking for the tracking number when the message
/// has none. Several numbers in one message are answered together; items not delivered yet are offered to watch.
/// </summary>
public sealed class TrackingDialog(IShipmentLookup shipments, ILookupQuota quota, IItemWatches watches) : SlotDialog(nameof(TrackingDialog))
{
    /// <summary>At most this many numbers are looked up for one message.</summary>
    public const int MaxNumbersPerMessage = 3;

    protected override string Question => TrackingReplies.AskNumber;

    protected override string Reprompt => TrackingReplies.AskNumberAgain;

    protected override string GiveUp => TrackingReplies.GiveUp;

    public override string Reminder => TrackingReplies.Reminder;

    protected override string? Extract(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var numbers = context.Understood.TrackingNumbers;
        return numbers.Count == 0 ? null : string.Join(',', numbers.Take(MaxNumbersPerMessage).Select(number => number.Value));
    }

    protected override Task<string> AnswerAsync(DialogContext context, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LookUpAsync(context.Turn.Activity.From.Id, context.Understood.TrackingNumbers, WatchOffers.AreOn(context.Turn), cancellationToken);
    }

    /// <summary>
    /// What this dialog answers when a message of <paramref name="userId"/> names <paramref name="numbers"/>, for a caller
    /// that needs no dialog around it (<see cref="IOneStepAnswers"/>): the same lookup, quota, watch offer and excuse.
    /// </summary>
    public Task<string> AnswerAsync(string userId, IReadOnlyList<TrackingNumber> numbers, CancellationToken cancellationToken) =>
        ExcusedAsync(LookUpAsync(userId, numbers, offerWatches: true, cancellationToken));

    private async Task<string> LookUpAsync(string userId, IReadOnlyList<TrackingNumber> found, bool offerWatches, CancellationToken cancellationToken)
    {
        var numbers = found.Take(MaxNumbersPerMessage).ToList();
        var (allowed, summaries) = await quota.LookUpAsync(userId,
            token => Task.WhenAll(numbers.Select(number => shipments.FindAsync(number.Value, token))), cancellationToken);
        if (!allowed)
        {
            return PrivacyReplies.TooManyLookups;
        }

        var answers = numbers.Select((number, i) => summaries![i] is { } summary ? TrackingReplies.Found(summary) : TrackingReplies.NotFound(number));
        var text = string.Join("\n\n", answers);
        List<WatchedItem> watchable = [.. summaries!.OfType<TrackingSummary>()
            .Where(summary => !WatchRules.IsFinal(WatchedItemKind.Shipment, (int)summary.Latest.Status))
            .Select(summary => WatchedItem.Shipment(summary.Latest.TrackingNo))];
        if (watchable.Count > 0 && offerWatches)
        {
            await watches.OfferAsync(userId, watchable, cancellationToken);
            text += "\n" + NotificationReplies.Offer;
        }

        return text;
    }
}
