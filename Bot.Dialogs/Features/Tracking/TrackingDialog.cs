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

    // Loops, not LINQ: this runs for nearly every push of a campaign (BENCHMARKS.md, issue 17), mostly for one number.
    private async Task<string> LookUpAsync(string userId, IReadOnlyList<TrackingNumber> found, bool offerWatches, CancellationToken cancellationToken)
    {
        var numbers = new TrackingNumber[Math.Min(found.Count, MaxNumbersPerMessage)];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = found[i];
        }

        var (allowed, summaries) = await quota.LookUpAsync(userId, token => FindAllAsync(numbers, token), cancellationToken);
        if (!allowed)
        {
            return PrivacyReplies.TooManyLookups;
        }

        var answers = new string[numbers.Length];
        List<WatchedItem>? watchable = null;
        for (var i = 0; i < numbers.Length; i++)
        {
            if (summaries![i] is not { } summary)
            {
                answers[i] = TrackingReplies.NotFound(numbers[i]);
                continue;
            }

            answers[i] = TrackingReplies.Found(summary);
            if (!WatchRules.IsFinal(WatchedItemKind.Shipment, (int)summary.Latest.Status))
            {
                (watchable ??= []).Add(WatchedItem.Shipment(summary.Latest.TrackingNo));
            }
        }

        var text = answers.Length == 1 ? answers[0] : string.Join("\n\n", answers);
        if (watchable is not null && offerWatches)
        {
            await watches.OfferAsync(userId, watchable, cancellationToken);
            text += "\n" + NotificationReplies.Offer;
        }

        return text;
    }

    private async Task<TrackingSummary?[]> FindAllAsync(TrackingNumber[] numbers, CancellationToken cancellationToken)
    {
        if (numbers.Length == 1)
        {
            return [await shipments.FindAsync(numbers[0].Value, cancellationToken)];
        }

        var finding = new Task<TrackingSummary?>[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            finding[i] = shipments.FindAsync(numbers[i].Value, cancellationToken);
        }

        return await Task.WhenAll(finding);
    }
}
