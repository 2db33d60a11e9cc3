using ChatPost.Bot.Audit;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Knowledge;

/// <summary>The embedded twin of <see cref="RedisKnowledgeStore"/>: the same semantics in one process, lost on restart.</summary>
public sealed class MemoryKnowledgeStore(MemoryAuditTrail trail, IOptions<KnowledgeOptions> options) : IKnowledgeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<FaqEntryVersion>> _histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);
    private long _revision;

    /// <inheritdoc/>
    public Task<long> GetRevisionAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_revision);
        }
    }

    /// <inheritdoc/>
    public Task<KnowledgeSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(new KnowledgeSnapshot(_revision,
                [.. _histories.Values.Select(history => history[0]).Where(version => !version.IsDeletion)]));
        }
    }

    /// <inheritdoc/>
    public Task<FaqEntryVersion?> GetLatestAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_histories.TryGetValue(id, out var history) ? history[0] : null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<FaqEntryVersion>> GetHistoryAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<FaqEntryVersion>>(_histories.TryGetValue(id, out var history) ? [.. history] : []);
        }
    }

    /// <inheritdoc/>
    public Task<KnowledgeWrite> WriteAsync(IReadOnlyList<FaqEntryVersion> versions, IReadOnlyList<AuditEntry> audit, bool onlyIfEmpty,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(audit);
        lock (_gate)
        {
            if (onlyIfEmpty && _revision > 0)
            {
                return Task.FromResult(new KnowledgeWrite(false, _revision));
            }

            if (versions.FirstOrDefault(version => _versions.GetValueOrDefault(version.Id) + 1 != version.Version) is { } conflict)
            {
                return Task.FromResult(new KnowledgeWrite(false, _revision, conflict.Id, _versions.GetValueOrDefault(conflict.Id)));
            }

            foreach (var version in versions)
            {
                _versions[version.Id] = version.Version;
                var history = _histories.TryGetValue(version.Id, out var kept) ? kept : _histories[version.Id] = [];
                history.Insert(0, version);
                if (history.Count > options.Value.HistoryLength)
                {
                    history.RemoveAt(history.Count - 1);
                }
            }

            foreach (var line in audit)
            {
                trail.Append(line);
            }

            return Task.FromResult(new KnowledgeWrite(true, ++_revision));
        }
    }
}
