using System.Globalization;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// The embedded twin of <see cref="RedisBroadcastStore"/>: the same semantics in one process (its queue is a
/// <see cref="MemoryWorkBacklog"/>), lost on restart.
/// </summary>
public sealed class MemoryBroadcastStore(TimeProvider time) : IBroadcastStore
{
    private readonly MemoryWorkBacklog _queue = new(time);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Broadcast> _broadcasts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BroadcastState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DeliveryState>> _deliveries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idempotency = new(StringComparer.Ordinal);
    private readonly HashSet<string> _summaries = new(StringComparer.Ordinal);
    private readonly HashSet<(string Broadcast, string Group)> _finals = [];
    private readonly List<(long Seq, AuditEntry Entry)> _audit = [];
    private long _auditSeq;

    public Task<(string Id, bool Created)> CreateAsync(Broadcast broadcast, string? idempotencyKey, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        lock (_gate)
        {
            if (idempotencyKey is not null && _idempotency.TryGetValue(idempotencyKey, out var existing))
            {
                return Task.FromResult((existing, false));
            }

            if (idempotencyKey is not null)
            {
                _idempotency[idempotencyKey] = broadcast.Id;
            }

            _broadcasts[broadcast.Id] = broadcast;
            _deliveries[broadcast.Id] = broadcast.GroupIds.ToDictionary(id => id, _ => DeliveryState.Pending, StringComparer.Ordinal);
            _states[broadcast.Id] = broadcast.At is null ? BroadcastState.Sending : BroadcastState.Scheduled;
            if (broadcast.At is null)
            {
                Enqueue(broadcast.Id, broadcast.GroupIds);
            }

            AddAudit(audit);
            return Task.FromResult((broadcast.Id, true));
        }
    }

    public Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_idempotency.GetValueOrDefault(idempotencyKey));
        }
    }

    public Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_broadcasts.GetValueOrDefault(id));
        }
    }

    public Task<BroadcastState?> GetStateAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.TryGetValue(id, out var state) ? state : (BroadcastState?)null);
        }
    }

    public Task<IReadOnlyDictionary<string, DeliveryState>> GetDeliveriesAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, DeliveryState>>(
                _deliveries.TryGetValue(id, out var deliveries) ? new Dictionary<string, DeliveryState>(deliveries) : new Dictionary<string, DeliveryState>());
        }
    }

    public Task<DeliveryState?> GetDeliveryAsync(string id, string groupId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_deliveries.TryGetValue(id, out var deliveries) ? deliveries.GetValueOrDefault(groupId) : null);
        }
    }

    public Task<long> SaveDeliveryAsync(string id, string groupId, DeliveryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            if (!_deliveries.TryGetValue(id, out var deliveries))
            {
                return Task.FromResult(-1L);
            }

            deliveries[groupId] = state;
            if (state.IsFinal)
            {
                _finals.Add((id, groupId));
            }

            return Task.FromResult((long)deliveries.Keys.Count(group => !_finals.Contains((id, group))));
        }
    }

    public Task<bool> ReleaseAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_states.GetValueOrDefault(id, BroadcastState.Cancelled) != BroadcastState.Scheduled)
            {
                return Task.FromResult(false);
            }

            _states[id] = BroadcastState.Sending;
            Enqueue(id, _deliveries[id].Keys);
            return Task.FromResult(true);
        }
    }

    public Task<bool> CancelAsync(string id, AuditEntry audit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_states.GetValueOrDefault(id, BroadcastState.Cancelled) != BroadcastState.Scheduled)
            {
                return Task.FromResult(false);
            }

            _states[id] = BroadcastState.Cancelled;
            AddAudit(audit);
            return Task.FromResult(true);
        }
    }

    public Task<string?> LatestScheduledByAsync(string managerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_broadcasts.Values
                .Where(b => b.RequestedBy == managerId && _states[b.Id] == BroadcastState.Scheduled)
                .MaxBy(b => b.CreatedAt)?.Id);
        }
    }

    public Task<IReadOnlyList<(string Id, DateTimeOffset At)>> ScheduledAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<(string, DateTimeOffset)>>(
                [.. _broadcasts.Values.Where(b => _states[b.Id] == BroadcastState.Scheduled && b.At is not null).Select(b => (b.Id, b.At!.Value))]);
        }
    }

    public Task<IReadOnlyList<string>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(
                [.. _broadcasts.Values.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id, StringComparer.Ordinal).Take(count).Select(b => b.Id)]);
        }
    }

    public Task<bool> TryClaimSummaryAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_summaries.Add(id));
        }
    }

    public Task AuditAsync(AuditEntry audit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            AddAudit(audit);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. Enumerable.Reverse(_audit).Take(count).Select(line => line.Entry)]);
        }
    }

    /// <inheritdoc/>
    public Task<AuditPage> SearchAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = Math.Clamp(query.Count, 1, AuditSearch.MaxCount);
        var found = new List<AuditEntry>();
        lock (_gate)
        {
            var i = _audit.Count - 1;
            if (query.After is not null)
            {
                // The lines kept have consecutive numbers: the one before `after` is found by subtraction.
                i = long.TryParse(query.After, NumberStyles.None, CultureInfo.InvariantCulture, out var after) && i >= 0
                    ? (int)Math.Clamp(after - 1 - _audit[0].Seq, -1, i)
                    : -1;
            }

            for (var read = 1; i >= 0; i--, read++)
            {
                var (seq, entry) = _audit[i];
                if (query.IsPastStart(entry))
                {
                    break;
                }

                if (query.Matches(entry))
                {
                    found.Add(entry);
                }

                if (found.Count == count || read == AuditSearch.ScanLimit)
                {
                    return Task.FromResult(new AuditPage(found, i == 0 ? null : seq.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        return Task.FromResult(new AuditPage(found, null));
    }

    /// <summary>Keeps the newest <see cref="AuditSearch.MaxEntries"/> lines, as the Redis stream does.</summary>
    private void AddAudit(AuditEntry audit)
    {
        _audit.Add((++_auditSeq, audit));
        if (_audit.Count > AuditSearch.MaxEntries + 1_000)
        {
            _audit.RemoveRange(0, _audit.Count - AuditSearch.MaxEntries);
        }
    }

    /// <inheritdoc/>
    public IWorkBacklog Deliveries => _queue;

    private void Enqueue(string broadcastId, IEnumerable<string> groupIds)
    {
        foreach (var groupId in groupIds)
        {
            // Synchronous underneath: safe to call under the lock.
            _queue.AddAsync(DeliveryTicket.Payload(broadcastId, groupId), CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
