namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>
/// Counters of shipments per day (Asia/Shanghai) × city × business × status, kept up to date by ingestion so
/// that progress figures never scan raw events. A shipment counts once per status: its first event of that status.
/// </summary>
public interface IProgressCounters
{
    /// <summary>
    /// The counts summed over the days <paramref name="firstDay"/> through <paramref name="lastDay"/> (inclusive), one row
    /// per city × business × status that has any; an empty list when nothing was counted.
    /// </summary>
    Task<IReadOnlyList<ProgressCount>> GetAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);
}

/// <summary>How many shipments of one business line in one city reached <paramref name="Status"/> in a period.</summary>
public sealed record ProgressCount(string City, Business Business, ShipmentStatus Status, long Count);
