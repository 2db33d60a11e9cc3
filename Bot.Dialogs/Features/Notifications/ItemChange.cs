using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>
/// A watched item's new state as an ingested record gave it: a shipment's latest event, or an application's state.
/// Made with <see cref="Of(ShipmentEvent)"/> or <see cref="Of(InvoiceApplication)"/>, which drop what a notification
/// does not show (the receiver's phone, the taxpayer), since a change waits in the outbox until it is sent.
/// </summary>
public sealed record ItemChange(ShipmentEvent? Shipment, InvoiceApplication? Application)
{
    public static ItemChange Of(ShipmentEvent latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        return new ItemChange(latest with { ReceiverPhone = null }, null);
    }

    public static ItemChange Of(InvoiceApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new ItemChange(null, application with { TaxpayerId = "", TaxpayerName = null });
    }

    /// <summary>The item that changed.</summary>
    public WatchedItem Item => Shipment is { } shipment
        ? WatchedItem.Shipment(shipment.TrackingNo)
        : WatchedItem.InvoiceApplication(Application!.ApplicationNo); // one of the two is always set

    /// <summary>Its new state.</summary>
    public ItemState State => Shipment is { } shipment ? ItemState.Of(shipment) : ItemState.Of(Application!);

    /// <summary>True when the watch ends with this change: the item arrived or went back, or the application was refused.</summary>
    public bool IsFinal => WatchRules.IsFinal(Item.Kind, State.Status);

    /// <summary>The parcel an application's watch moves on to with this change (it was mailed); null otherwise.</summary>
    public string? ParcelToFollow => Application is { Status: InvoiceStatus.Mailed, TrackingNo: { Length: > 0 } trackingNo } ? trackingNo : null;
}
