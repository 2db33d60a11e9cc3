using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>
/// Where an item stood at a moment: its latest status (a <see cref="ShipmentStatus"/> or <see cref="InvoiceStatus"/>
/// ordinal, by the item's kind) and that status's time. States are ordered as ingestion orders them: by time, then by
/// status, so that "newer" means the same here as in the records.
/// </summary>
public readonly record struct ItemState(DateTimeOffset Time, int Status) : IComparable<ItemState>
{
    public static ItemState Of(ShipmentEvent latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        return new ItemState(latest.Time, (int)latest.Status);
    }

    public static ItemState Of(InvoiceApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new ItemState(application.Time, (int)application.Status);
    }

    public int CompareTo(ItemState other)
    {
        var byTime = Time.ToUnixTimeMilliseconds().CompareTo(other.Time.ToUnixTimeMilliseconds());
        return byTime != 0 ? byTime : Status.CompareTo(other.Status);
    }

    public static bool operator <(ItemState left, ItemState right) => left.CompareTo(right) < 0;

    public static bool operator >(ItemState left, ItemState right) => left.CompareTo(right) > 0;

    public static bool operator <=(ItemState left, ItemState right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ItemState left, ItemState right) => left.CompareTo(right) >= 0;
}
