using System.Globalization;
using System.Text.Json;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Storage;
using StackExchange.Redis;

namespace ChatPost.Bot.Ingestion;

public sealed partial class RedisIngestionStore
{
    private static readonly RedisValue IndexCap = IngestLimits.MaxIndexEntries;

    /// <summary>Most events a timeline reads of one shipment (a real one has a handful).</summary>
    private const int MaxStepsRead = 500;

    // What the script needs to name a shipment's watchers (RedisIngestionScripts): the statuses they are told of, and the
    // parts of the shipment's key and of its watcher set's key before the number.
    private static readonly RedisValue NotifiableShipments = Notifiable(Enum.GetValues<ShipmentStatus>().Where(WatchRules.IsNotifiable).Cast<int>());
    private static readonly RedisValue ShipmentKeyPart = RedisKeys.Shipment("").ToString();
    private static readonly RedisValue ShipmentWatchersPart = RedisKeys.Watchers(WatchedItem.Shipment("").Key).ToString();

    /// <inheritdoc/>
    public Task<StoreResult> AddShipmentEventsAsync(IReadOnlyList<ShipmentEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return RunInCallsAsync(events, AddShipmentCallAsync, ItemChange.Of, cancellationToken);
    }

    /// <summary>The latest event and event count of <paramref name="trackingNo"/> (normalised here too); null when unknown.</summary>
    public async Task<TrackingSummary?> FindShipmentAsync(string trackingNo, CancellationToken cancellationToken)
    {
        var normalised = FieldRules.NormaliseTrackingNo(trackingNo);
        if (normalised is null)
        {
            return null;
        }

        // Read already when the turn gate expected this lookup.
        var read = prefetched is not null && prefetched.TryTakeShipment(normalised, out var started)
            ? started
            : Database.HashGetAsync(RedisKeys.Shipment(normalised), RedisKeys.ShipmentSummary);
        return ToSummary(await read.WaitAsync(cancellationToken));
    }

    /// <inheritdoc/>
    /// <remarks>The shipment's hash keeps each event as a field <c>e&lt;status&gt;:&lt;unix ms&gt;</c> (its dedupe mark): scanned, never read whole.</remarks>
    public async Task<IReadOnlyList<ShipmentStep>> FindStepsAsync(string trackingNo, int limit, CancellationToken cancellationToken)
    {
        var steps = new List<ShipmentStep>();
        await foreach (var field in Database.HashScanAsync(RedisKeys.Shipment(trackingNo), "e*", pageSize: 100).WithCancellation(cancellationToken))
        {
            var name = ((string?)field.Name).AsSpan(1);
            var colon = name.IndexOf(':');
            if (colon > 0 && int.TryParse(name[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                && long.TryParse(name[(colon + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var at)
                && Enum.IsDefined((ShipmentStatus)status))
            {
                steps.Add(new ShipmentStep((ShipmentStatus)status, DateTimeOffset.FromUnixTimeMilliseconds(at)));
            }

            if (steps.Count >= MaxStepsRead)
            {
                break;
            }
        }

        return ShipmentStep.Newest(steps, limit);
    }

    /// <inheritdoc/>
    Task<TrackingSummary?> IShipmentLookup.FindAsync(string trackingNo, CancellationToken cancellationToken) =>
        StorageFailure.ReadRecordsAsync(() => FindShipmentAsync(trackingNo, cancellationToken));

    Task<IReadOnlyList<TrackingSummary>> IShipmentLookup.FindByPhoneAsync(string phone, int limit, CancellationToken cancellationToken) =>
        StorageFailure.ReadRecordsAsync(() => FindByPhoneAsync(phone, limit, cancellationToken));

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TrackingSummary>> FindByPhoneAsync(string phone, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var normalised = FieldRules.NormalisePhone(phone);
        if (normalised is null)
        {
            return [];
        }

        var index = RedisKeys.ShipmentsByPhone(normalised);
        var numbers = await Database.SortedSetRangeByRankAsync(index, 0, limit - 1, Order.Descending).WaitAsync(cancellationToken);
        var shipments = await Task.WhenAll(numbers.Select(number => Database.HashGetAsync(RedisKeys.Shipment((string)number!), RedisKeys.ShipmentSummary))).WaitAsync(cancellationToken);
        var found = new List<TrackingSummary>(numbers.Length);
        for (var i = 0; i < numbers.Length; i++)
        {
            if (ToSummary(shipments[i]) is { } summary)
            {
                found.Add(summary);
            }
            else
            {
                // The shipment expired before its phone index: forget it there too.
                _ = Database.SortedSetRemoveAsync(index, numbers[i], CommandFlags.FireAndForget);
            }
        }

        return found;
    }

    private Task<RedisResult> AddShipmentCallAsync(IReadOnlyList<ShipmentEvent> events, int start, int count)
    {
        const int keysPer = RedisIngestionScripts.ShipmentKeys, valuesPer = RedisIngestionScripts.ShipmentValues;
        var keys = new RedisKey[count * keysPer];
        var values = new RedisValue[RedisIngestionScripts.ShipmentHeader + (count * valuesPer)];
        (values[0], values[1], values[2]) = (_shipmentSeconds, _counterSeconds, IndexCap);
        (values[3], values[4], values[5]) = (NotifiableShipments, ShipmentKeyPart, ShipmentWatchersPart);
        for (var i = 0; i < count; i++)
        {
            var item = events[start + i];
            var shipment = RedisKeys.Shipment(item.TrackingNo);
            var day = ChinaTime.Day(item.Time);
            keys[i * keysPer] = shipment;
            keys[(i * keysPer) + 1] = RedisKeys.Progress(day);
            keys[(i * keysPer) + 2] = RedisKeys.ProgressWeek(ProgressWeeks.Monday(day));
            keys[(i * keysPer) + 3] = item.ReceiverPhone is null ? shipment : RedisKeys.ShipmentsByPhone(item.ReceiverPhone);

            var v = RedisIngestionScripts.ShipmentHeader + (i * valuesPer);
            values[v] = (int)item.Status;
            values[v + 1] = item.Time.ToUnixTimeMilliseconds();
            values[v + 2] = ProgressFields.Format(item.City, item.Business, item.Status);
            values[v + 3] = JsonSerializer.SerializeToUtf8Bytes(ShipmentEventDto.From(item), IngestionJsonContext.Default.ShipmentEventDto);
            values[v + 4] = item.TrackingNo;
            values[v + 5] = item.ReceiverPhone ?? "";
            values[v + 6] = item.ApplicationNo ?? "";
        }

        return redis.DurableDatabase.ScriptEvaluateAsync(RedisIngestionScripts.AddShipmentEvents, keys, values);
    }

    private static TrackingSummary? ToSummary(RedisValue[] fields)
    {
        if (fields[1].IsNull
            || JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)fields[1]).Span, IngestionJsonContext.Default.ShipmentEventDto)?.ToEvent() is not { } latest)
        {
            return null;
        }

        // Scans in transit rarely carry the receiver's phone or the application: show those the shipment has.
        latest = latest with
        {
            ReceiverPhone = latest.ReceiverPhone ?? (string?)fields[2],
            ApplicationNo = latest.ApplicationNo ?? (string?)fields[3],
        };
        return new TrackingSummary(latest, (int)fields[0]);
    }
}
