namespace ChatPost.Bot.Storage;

/// <summary>The embedded twin of <see cref="RedisWorkBacklog"/>: the same semantics in one process, lost on restart.</summary>
public sealed class MemoryWorkBacklog(TimeProvider time) : IWorkBacklog
{
    private readonly Lock _gate = new();
    private readonly LinkedList<WorkItem> _waiting = new();
    private readonly Dictionary<string, (WorkItem Item, DateTimeOffset TakenAt)> _taken = new(StringComparer.Ordinal);
    private long _sequence;

    /// <inheritdoc/>
    public Task AddAsync(string payload, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _waiting.AddLast(new WorkItem((++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture), payload));
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkItem>> TakeAsync(string consumer, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var taken = new List<WorkItem>();
            while (taken.Count < max && _waiting.First is { } first)
            {
                _waiting.RemoveFirst();
                _taken[first.Value.Id] = (first.Value, time.GetUtcNow());
                taken.Add(first.Value);
            }

            return Task.FromResult<IReadOnlyList<WorkItem>>(taken);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkItem>> ReclaimAsync(string consumer, TimeSpan minIdle, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var idle = _taken.Values.Where(entry => now - entry.TakenAt >= minIdle).Take(max).Select(entry => entry.Item).ToList();
            foreach (var item in idle)
            {
                _taken[item.Id] = (item, now);
            }

            return Task.FromResult<IReadOnlyList<WorkItem>>(idle);
        }
    }

    /// <inheritdoc/>
    public Task TouchAsync(string consumer, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            foreach (var item in items.Where(item => _taken.ContainsKey(item.Id)))
            {
                _taken[item.Id] = (item, time.GetUtcNow());
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public Task ReleaseAsync(string consumer, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            foreach (var item in items.Where(item => _taken.ContainsKey(item.Id)))
            {
                _taken[item.Id] = (item, DateTimeOffset.MinValue);
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public Task AcknowledgeAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            _taken.Remove(item.Id);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult((long)(_waiting.Count + _taken.Count));
        }
    }
}
