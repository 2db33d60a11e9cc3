namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>Reads ingested shipment events. Implemented by the host over Redis (or in memory).</summary>
public interface IShipmentLookup
{
    /// <summary>The latest event of <paramref name="trackingNo"/> (normalised: upper case, no spaces) and the event count; null when unknown.</summary>
    Task<TrackingSummary?> FindAsync(string trackingNo, CancellationToken cancellationToken);

    /// <summary>The items addressed to <paramref name="phone"/> (11 digits), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TrackingSummary>> FindByPhoneAsync(string phone, int limit, CancellationToken cancellationToken);
}
