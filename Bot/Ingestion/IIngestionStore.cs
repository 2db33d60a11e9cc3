using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// Where validated records go: Redis (<see cref="RedisIngestionStore"/>) or, in the embedded mode, this process
/// (<see cref="MemoryIngestionStore"/>). Both also serve the reads of the dialogs and announcements
/// (<see cref="IShipmentLookup"/>, <see cref="IInvoiceLookup"/>, <see cref="IProgressCounters"/>).
/// </summary>
/// <remarks>
/// Writes are idempotent, so a batch can be sent again after an error. Each record is written with everything
/// it changes (indexes, counters) atomically: a failure part-way through a batch leaves whole records, never half
/// of one. Records are applied in the order given.
/// </remarks>
public interface IIngestionStore
{
    /// <summary>
    /// Stores shipment events. The same (tracking number, status, time) again is a duplicate and changes nothing.
    /// The latest event of a tracking number is the one with the latest time (ties: the later status in
    /// <see cref="ShipmentStatus"/> order), whatever the arrival order. Each tracking number counts once per status
    /// in the progress counters, on the China day of its earliest event of that status.
    /// </summary>
    Task<StoreResult> AddShipmentEventsAsync(IReadOnlyList<ShipmentEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Stores invoice application states. The state with the latest time wins (ties: the later status in
    /// <see cref="InvoiceStatus"/> order); an older one arriving late is accepted but changes nothing; the same
    /// (application number, status, time) again is a duplicate.
    /// </summary>
    Task<StoreResult> AddInvoiceApplicationsAsync(IReadOnlyList<InvoiceApplication> applications, CancellationToken cancellationToken);
}

/// <summary>How many records of a write were new (<paramref name="Accepted"/>) and how many were already known.</summary>
/// <param name="Watched">
/// The records that are (or repeat) a watched item's latest state, in a status its watchers are told of, with the
/// watchers; null when there are none. A repeat is included so that a batch sent again queues notifications lost the
/// first time; telling each state once is the notifications' part.
/// </param>
public readonly record struct StoreResult(int Accepted, int Duplicates, IReadOnlyList<WatchedChange>? Watched = null);

/// <summary>A watched item's state as a record gave it, and the users who watch the item.</summary>
public sealed record WatchedChange(ItemChange Change, IReadOnlyList<string> Watchers);
