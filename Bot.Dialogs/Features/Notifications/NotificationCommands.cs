using ChatPost.Bot.Dialogs.Features.Invoices;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>
/// <c>提醒</c> (watch the items just answered, or those named), <c>取消提醒</c> (one named item, or all) and
/// <c>我的提醒</c>, each answered in one turn. Watching reads the item's state now, so it takes the lookup quota like any
/// lookup: a watch tells no more than a lookup would.
/// </summary>
public sealed class NotificationCommands(IItemWatches watches, IShipmentLookup shipments, IInvoiceLookup invoices, ILookupQuota quota)
{
    /// <summary>Answers a <see cref="Intent.Watch"/>, <see cref="Intent.Unwatch"/> or <see cref="Intent.ListWatches"/> message.</summary>
    public async Task HandleAsync(ITurnContext turn, CitizenUnderstanding understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        var user = turn.Activity.From.Id;
        try
        {
            var reply = understood.Intent switch
            {
                Intent.Watch => await WatchAsync(user, Named(understood), cancellationToken),
                Intent.Unwatch => await UnwatchAsync(user, Named(understood), cancellationToken),
                _ => await ListAsync(user, cancellationToken),
            };
            await turn.SendActivityAsync(reply, cancellationToken: cancellationToken);
        }
        catch (RecordsUnavailableException)
        {
            await turn.SendActivityAsync(RecordsReplies.Busy, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Forgets everything kept for the user's notifications: they unfollowed.</summary>
    public Task ForgetUserAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return watches.ForgetUserAsync(turn.Activity.From.Id, cancellationToken);
    }

    /// <summary>The items a message names, in its order.</summary>
    private static List<WatchedItem> Named(CitizenUnderstanding understood)
    {
        var items = understood.TrackingNumbers.Take(TrackingDialog.MaxNumbersPerMessage).Select(number => WatchedItem.Shipment(number.Value)).ToList();
        if (understood.InvoiceApplicationNo is { } applicationNo)
        {
            items.Add(WatchedItem.InvoiceApplication(applicationNo));
        }

        return items;
    }

    private async Task<string> WatchAsync(string user, List<WatchedItem> named, CancellationToken cancellationToken)
    {
        var items = named.Count > 0 ? named : await watches.GetOfferAsync(user, cancellationToken);
        if (items.Count == 0)
        {
            return NotificationReplies.NothingToWatch;
        }

        var (allowed, targets) = await quota.LookUpAsync(user,
            token => Task.WhenAll(items.Select(item => TargetAsync(item, token))), cancellationToken);
        if (!allowed)
        {
            return PrivacyReplies.TooManyLookups;
        }

        var lines = new List<string>();
        var added = false;
        for (var i = 0; i < items.Count; i++)
        {
            if (targets![i] is not { } found) // allowed, so the lookups ran
            {
                lines.Add(items[i].Kind == WatchedItemKind.Shipment
                    ? TrackingReplies.NotFound(new TrackingNumber(items[i].Id, default, IsCheckDigitValid: true))
                    : InvoiceReplies.NotFound(items[i].Id));
                continue;
            }

            var (target, current) = found;

            if (WatchRules.IsFinal(target.Kind, current.Status))
            {
                lines.Add(NotificationReplies.NoNeed(target, current.Status));
                continue;
            }

            var outcome = await watches.AddAsync(user, target, current, cancellationToken);
            added |= outcome == WatchOutcome.Added;
            lines.Add(outcome switch
            {
                WatchOutcome.Added => NotificationReplies.Added(target),
                WatchOutcome.AlreadyWatching => NotificationReplies.AlreadyWatching(target),
                WatchOutcome.Unreachable => NotificationReplies.Unreachable(target),
                _ => NotificationReplies.LimitReached(target, (await watches.ListAsync(user, cancellationToken)).Count),
            });
        }

        if (added)
        {
            lines.Add(NotificationReplies.Footer);
        }

        return string.Join('\n', lines);
    }

    /// <summary>What watching <paramref name="item"/> means now (an application once mailed: its parcel), and its state; null when unknown.</summary>
    private async Task<(WatchedItem Item, ItemState Current)?> TargetAsync(WatchedItem item, CancellationToken cancellationToken)
    {
        if (item.Kind == WatchedItemKind.Shipment)
        {
            return await shipments.FindAsync(item.Id, cancellationToken) is { } summary ? (item, ItemState.Of(summary.Latest)) : null;
        }

        if (await invoices.FindAsync(item.Id, cancellationToken) is not { } application)
        {
            return null;
        }

        var parcel = application is { Status: InvoiceStatus.Mailed, TrackingNo: { Length: > 0 } trackingNo }
            ? await shipments.FindAsync(trackingNo, cancellationToken)
            : null;
        return WatchRules.Target(application, parcel);
    }

    private async Task<string> UnwatchAsync(string user, List<WatchedItem> named, CancellationToken cancellationToken)
    {
        if (named.Count == 0)
        {
            var ended = await watches.RemoveAsync(user, null, cancellationToken);
            return ended == 0 ? NotificationReplies.NoWatches : NotificationReplies.CancelledAll(ended);
        }

        var lines = new List<string>();
        foreach (var item in named)
        {
            lines.Add(await watches.RemoveAsync(user, item, cancellationToken) > 0 ? NotificationReplies.Cancelled(item) : NotificationReplies.NotWatching(item));
        }

        return string.Join('\n', lines);
    }

    private async Task<string> ListAsync(string user, CancellationToken cancellationToken)
    {
        var list = await watches.ListAsync(user, cancellationToken);
        return list.Count == 0 ? NotificationReplies.NoWatches : NotificationReplies.List(list);
    }
}
