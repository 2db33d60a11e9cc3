using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

public sealed partial class MemoryIngestionStore
{
    private readonly Dictionary<string, Shipment> _shipments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecencyIndex> _byPhone = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<StoreResult> AddShipmentEventsAsync(IReadOnlyList<ShipmentEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var (accepted, duplicates) = (0, 0);
        List<WatchedChange>? watched = null;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var item in events)
            {
                var (added, isLatest) = Add(item, now);
                if (added)
                {
                    accepted++;
                }
                else
                {
                    duplicates++;
                }

                if (isLatest && WatchRules.IsNotifiable(item.Status))
                {
                    Watched(ItemChange.Of(item), ref watched);
                }
            }
        }

        return Task.FromResult(new StoreResult(accepted, duplicates, watched));
    }

    /// <summary>The latest event and event count of <paramref name="trackingNo"/> (normalised here too); null when unknown.</summary>
    public Task<TrackingSummary?> FindShipmentAsync(string trackingNo, CancellationToken cancellationToken)
    {
        var normalised = FieldRules.NormaliseTrackingNo(trackingNo);
        lock (_gate)
        {
            var shipment = normalised is null ? null : Live(_shipments, normalised, time.GetUtcNow(), s => s.ExpiresAt);
            return Task.FromResult(shipment?.ToSummary());
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ShipmentStep>> FindStepsAsync(string trackingNo, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var shipment = Live(_shipments, trackingNo, time.GetUtcNow(), s => s.ExpiresAt);
            return Task.FromResult(ShipmentStep.Newest(
                (shipment?.Events ?? []).Select(e => new ShipmentStep(e.Status, DateTimeOffset.FromUnixTimeMilliseconds(e.At))), limit));
        }
    }

    /// <inheritdoc/>
    Task<TrackingSummary?> IShipmentLookup.FindAsync(string trackingNo, CancellationToken cancellationToken) => FindShipmentAsync(trackingNo, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TrackingSummary>> FindByPhoneAsync(string phone, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var normalised = FieldRules.NormalisePhone(phone);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var index = normalised is null ? null : Live(_byPhone, normalised, now, i => i.ExpiresAt);
            var found = new List<TrackingSummary>();
            foreach (var trackingNo in index?.Newest(limit).ToList() ?? [])
            {
                if (Live(_shipments, trackingNo, now, s => s.ExpiresAt) is { } shipment)
                {
                    found.Add(shipment.ToSummary());
                }
                else
                {
                    index!.Scores.Remove(trackingNo);
                }
            }

            return Task.FromResult<IReadOnlyList<TrackingSummary>>(found);
        }
    }

    /// <summary>Adds the event unless it is a duplicate; either way, says whether it is the shipment's latest event now.</summary>
    private (bool Added, bool IsLatest) Add(ShipmentEvent item, DateTimeOffset now)
    {
        var shipment = Live(_shipments, item.TrackingNo, now, s => s.ExpiresAt) ?? (_shipments[item.TrackingNo] = new Shipment());
        var at = item.Time.ToUnixTimeMilliseconds();
        if (!shipment.Events.Add((item.Status, at)))
        {
            return (false, at == shipment.LatestAt && item.Status == shipment.Latest?.Status);
        }

        var isLatest = shipment.Latest is null || at > shipment.LatestAt || (at == shipment.LatestAt && item.Status > shipment.Latest.Status);
        if (isLatest)
        {
            (shipment.Latest, shipment.LatestAt) = (item, at);
        }

        if (item.ReceiverPhone is not null)
        {
            shipment.Phone = item.ReceiverPhone;
            var index = Live(_byPhone, item.ReceiverPhone, now, i => i.ExpiresAt) ?? (_byPhone[item.ReceiverPhone] = new RecencyIndex());
            index.Add(item.TrackingNo, at);
            index.ExpiresAt = now + _settings.ShipmentTimeToLive;
        }

        shipment.ApplicationNo = item.ApplicationNo ?? shipment.ApplicationNo;
        Count(shipment, item, at, now);
        shipment.ExpiresAt = now + _settings.ShipmentTimeToLive;
        return (true, isLatest);
    }

    /// <summary>A shipment counts once per status, on its earliest event of that status: a late earlier one moves the count.</summary>
    private void Count(Shipment shipment, ShipmentEvent item, long at, DateTimeOffset now)
    {
        var counted = new CountedEvent(at, ChinaTime.Day(item.Time), new ProgressKey(item.City, item.Business, item.Status));
        if (shipment.Counted.TryGetValue(item.Status, out var first) && at >= first.At)
        {
            return;
        }

        shipment.Counted[item.Status] = counted;
        if (first is not null && first.Day == counted.Day && first.Key == counted.Key)
        {
            return;
        }

        if (first is not null)
        {
            Decrement(first.Day, first.Key, now);
        }

        Increment(counted.Day, counted.Key, now);
    }

    private sealed class Shipment
    {
        public HashSet<(ShipmentStatus Status, long At)> Events { get; } = [];

        public Dictionary<ShipmentStatus, CountedEvent> Counted { get; } = [];

        public ShipmentEvent? Latest { get; set; }

        public long LatestAt { get; set; }

        public string? Phone { get; set; }

        public string? ApplicationNo { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        // Latest is set by the first event added, before anyone can read the shipment.
        public TrackingSummary ToSummary() => new(
            Latest! with { ReceiverPhone = Latest.ReceiverPhone ?? Phone, ApplicationNo = Latest.ApplicationNo ?? ApplicationNo },
            Events.Count);
    }

    private sealed record CountedEvent(long At, DateOnly Day, ProgressKey Key);
}
