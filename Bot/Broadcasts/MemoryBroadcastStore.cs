using ChatPost.Bot.Audit;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// The embedded twin of <see cref="RedisBroadcastStore"/>: the same semantics in one process (its queue is a
/// <see cref="MemoryWorkBacklog"/>), lost on restart.
/// </summary>
public sealed class MemoryBroadcastStore(TimeProvider time, MemoryAuditTrail trail) : IBroadcastStore
{
    private readonly MemoryWorkBacklog _queue = new(time);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Broadcast> _broadcasts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BroadcastState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DeliveryState>> _deliveries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idempotency = new(StringComparer.Ordinal);
    private readonly HashSet<string> _summaries = new(StringComparer.Ordinal);
    private readonly HashSet<(string Broadcast, string Group)> _finals = [];

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

            trail.Append(audit);
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
            trail.Append(audit);
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
