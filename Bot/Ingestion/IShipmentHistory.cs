using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// The states a shipment went through and when: what the stores keep of every event (the latest one in full), read for
/// the console's timeline (查询). A citizen's answer names the latest state only; the timeline adds nothing personal.
/// </summary>
public interface IShipmentHistory
{
    /// <summary>The newest <paramref name="limit"/> steps of <paramref name="trackingNo"/> (normalised), newest first; empty when unknown.</summary>
    Task<IReadOnlyList<ShipmentStep>> FindStepsAsync(string trackingNo, int limit, CancellationToken cancellationToken);
}

/// <summary>One event of a shipment as kept: its state and time.</summary>
public sealed record ShipmentStep(ShipmentStatus Status, DateTimeOffset Time)
{
    /// <summary>Newest first; of two at the same moment the later state first, as the stores choose the latest.</summary>
    public static IReadOnlyList<ShipmentStep> Newest(IEnumerable<ShipmentStep> steps, int limit) =>
        [.. steps.OrderByDescending(step => step.Time).ThenByDescending(step => step.Status).Take(limit)];
}
