using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>Which changes a watcher is told of, when a watch has nothing left to tell, and what an application's watch follows.</summary>
public static class WatchRules
{
    /// <summary>The shipment states worth a message: out for delivery, delivered, returned, held up. Scans in transit are not.</summary>
    public static bool IsNotifiable(ShipmentStatus status) =>
        status is ShipmentStatus.OutForDelivery or ShipmentStatus.Delivered or ShipmentStatus.Returned or ShipmentStatus.Exception;

    /// <summary>The application states worth a message: every step after it was submitted.</summary>
    public static bool IsNotifiable(InvoiceStatus status) => status != InvoiceStatus.Submitted;

    /// <summary>True when the item has arrived or gone back for good: a watch on it ends once the watcher is told.</summary>
    public static bool IsFinal(WatchedItemKind kind, int status) => kind == WatchedItemKind.Shipment
        ? (ShipmentStatus)status is ShipmentStatus.Delivered or ShipmentStatus.Returned
        : (InvoiceStatus)status is InvoiceStatus.Delivered or InvoiceStatus.Rejected;

    /// <summary>
    /// What watching an application means in its state: once it is mailed, its parcel (whose latest event is
    /// <paramref name="parcel"/>, or nothing yet), since every later step is the parcel's; before, the application itself.
    /// </summary>
    public static (WatchedItem Item, ItemState Current) Target(InvoiceApplication application, TrackingSummary? parcel)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Status == InvoiceStatus.Mailed && application.TrackingNo is { Length: > 0 } trackingNo)
        {
            return (WatchedItem.Shipment(trackingNo), parcel is null ? new ItemState(application.Time, (int)ShipmentStatus.Accepted) : ItemState.Of(parcel.Latest));
        }

        return (WatchedItem.InvoiceApplication(application.ApplicationNo), ItemState.Of(application));
    }
}
