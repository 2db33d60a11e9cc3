using ChatPost.Bot.Audit;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// Durable broadcasts: records, per-group delivery states, the delivery queue (a <see cref="IWorkBacklog"/>, so an
/// entry a dead replica took is claimed by another) and the schedule. Changes write their line of the audit trail
/// (<see cref="IAuditTrail"/>) in the same atomic step.
/// </summary>
public interface IBroadcastStore
{
    /// <summary>
    /// Stores a broadcast with one pending delivery per group and writes the audit line, atomically. Without
    /// <see cref="Broadcast.At"/> the deliveries are queued at once; with it, the broadcast waits in the schedule.
    /// A repeated <paramref name="idempotencyKey"/> stores nothing and returns the first broadcast's id.
    /// </summary>
    Task<(string Id, bool Created)> CreateAsync(Broadcast broadcast, string? idempotencyKey, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The id of the broadcast an idempotency key produced; null when none did (or it expired).</summary>
    Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The broadcast; null when unknown or expired.</summary>
    Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The broadcast's state; null when unknown.</summary>
    Task<BroadcastState?> GetStateAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every group's delivery state, by group id.</summary>
    Task<IReadOnlyDictionary<string, DeliveryState>> GetDeliveriesAsync(string id, CancellationToken cancellationToken);

    /// <summary>One group's delivery state; null when unknown.</summary>
    Task<DeliveryState?> GetDeliveryAsync(string id, string groupId, CancellationToken cancellationToken);

    /// <summary>
    /// Records progress of one delivery. Returns how many of the broadcast's deliveries are not final yet; a
    /// delivery counts as final once, however often a final state is saved for it again.
    /// </summary>
    Task<long> SaveDeliveryAsync(string id, string groupId, DeliveryState state, CancellationToken cancellationToken);

    /// <summary>Moves a scheduled broadcast to delivery; false (and nothing happens) unless it is still scheduled.</summary>
    Task<bool> ReleaseAsync(string id, CancellationToken cancellationToken);

    /// <summary>Cancels a scheduled broadcast and audits it; false unless it was still scheduled.</summary>
    Task<bool> CancelAsync(string id, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The manager's latest broadcast that is still scheduled; null when none.</summary>
    Task<string?> LatestScheduledByAsync(string managerId, CancellationToken cancellationToken);

    /// <summary>The ids of the newest <paramref name="count"/> broadcasts of every origin, newest first.</summary>
    Task<IReadOnlyList<string>> RecentAsync(int count, CancellationToken cancellationToken);

    /// <summary>Every scheduled broadcast and when it is due.</summary>
    Task<IReadOnlyList<(string Id, DateTimeOffset At)>> ScheduledAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The delivery queue: one item per (broadcast, group), added by <see cref="CreateAsync"/> and
    /// <see cref="ReleaseAsync"/>; read it through <see cref="DeliveryTicket.From"/>.
    /// </summary>
    IWorkBacklog Deliveries { get; }

    /// <summary>True exactly once per broadcast: whoever gets it sends the completion summary.</summary>
    Task<bool> TryClaimSummaryAsync(string id, CancellationToken cancellationToken);
}
