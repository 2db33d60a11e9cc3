using System.Diagnostics.CodeAnalysis;

namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>Something a citizen can ask to be told about: a shipment, or an invoice application.</summary>
public enum WatchedItemKind
{
    /// <summary>A postal item, by tracking number (normalised as ingestion stores it).</summary>
    Shipment,

    /// <summary>An invoice application, by its number (<c>FP</c> and 14 digits).</summary>
    InvoiceApplication,
}

/// <summary>One item a citizen watches (or could watch): its kind and number.</summary>
public readonly record struct WatchedItem(WatchedItemKind Kind, string Id)
{
    public static WatchedItem Shipment(string trackingNo) => new(WatchedItemKind.Shipment, trackingNo);

    public static WatchedItem InvoiceApplication(string applicationNo) => new(WatchedItemKind.InvoiceApplication, applicationNo);

    /// <summary>The item as one string, <c>s:{trackingNo}</c> or <c>i:{applicationNo}</c>: how storage names it.</summary>
    public string Key => (Kind == WatchedItemKind.Shipment ? "s:" : "i:") + Id;

    /// <summary>Reads <see cref="Key"/> back; false for anything else.</summary>
    public static bool TryParse(string? key, out WatchedItem item)
    {
        item = default;
        if (key is not { Length: > 2 } || key[1] != ':')
        {
            return false;
        }

        WatchedItemKind? kind = key[0] switch { 's' => WatchedItemKind.Shipment, 'i' => WatchedItemKind.InvoiceApplication, _ => null };
        if (kind is null)
        {
            return false;
        }

        item = new WatchedItem(kind.Value, key[2..]);
        return true;
    }

    /// <summary>The number shortened for logs: a watch must not tell a log reader whose item it is.</summary>
    [SuppressMessage("Design", "CA1024:Use properties where appropriate", Justification = "A method reads as the deliberate step it is.")]
    public string Masked() => Id.Length <= 4 ? "…" : string.Concat(Id.AsSpan(0, 4), "…");
}
