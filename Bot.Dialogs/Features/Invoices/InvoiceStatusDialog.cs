using ChatPost.Bot.Dialogs.Dialogs;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Dialogs.Features.Invoices;

/// <summary>
/// "Where is my invoice?": finds the application by its number, or the taxpayer's latest one by taxpayer ID,
/// asking for either when the message has neither. A mailed invoice shows its tracking number and latest
/// delivery event; a rejected one the tax bureau's note. An application whose invoices have not arrived is offered to watch.
/// </summary>
public sealed class InvoiceStatusDialog(IInvoiceLookup invoices, IShipmentLookup shipments, ILookupQuota quota, IItemWatches watches)
    : SlotDialog(nameof(InvoiceStatusDialog))
{
    private const string TaxpayerPrefix = "taxpayer:";

    protected override string Question => InvoiceReplies.AskNumber;

    protected override string Reprompt => InvoiceReplies.AskNumberAgain;

    protected override string GiveUp => InvoiceReplies.GiveUp;

    public override string Reminder => InvoiceReplies.Reminder;

    protected override string? Extract(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var understood = context.Understood;
        return understood.InvoiceApplicationNo
            ?? (understood.TaxpayerId is { } taxpayer ? TaxpayerPrefix + taxpayer.Value : null);
    }

    protected override async Task<string> AnswerAsync(DialogContext context, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(value);
        var byTaxpayer = value.StartsWith(TaxpayerPrefix, StringComparison.Ordinal);
        var key = byTaxpayer ? value[TaxpayerPrefix.Length..] : value;
        var (allowed, application) = await quota.LookUpAsync(context.Turn.Activity.From.Id,
            token => byTaxpayer ? invoices.FindLatestByTaxpayerAsync(key, token) : invoices.FindAsync(key, token), cancellationToken);
        if (!allowed)
        {
            return PrivacyReplies.TooManyLookups;
        }

        if (application is null)
        {
            return byTaxpayer ? InvoiceReplies.NoApplicationForTaxpayer(key) : InvoiceReplies.NotFound(key);
        }

        var delivery = application.TrackingNo is { Length: > 0 } trackingNo
            ? await shipments.FindAsync(trackingNo, cancellationToken)
            : null;
        var text = InvoiceReplies.Status(application, delivery);
        var (target, current) = WatchRules.Target(application, delivery);
        if (!WatchRules.IsFinal(target.Kind, current.Status) && WatchOffers.AreOn(context.Turn))
        {
            await watches.OfferAsync(context.Turn.Activity.From.Id, [WatchedItem.InvoiceApplication(application.ApplicationNo)], cancellationToken);
            text += "\n" + NotificationReplies.Offer;
        }

        return text;
    }
}
