using System.Globalization;

namespace ChatPost.Bot.Audit;

/// <summary>The embedded twin of <see cref="RedisAuditTrail"/>: the same semantics in one process, lost on restart.</summary>
public sealed class MemoryAuditTrail : IAuditTrail
{
    private readonly Lock _gate = new();
    private readonly List<(long Seq, AuditEntry Entry)> _lines = [];
    private long _seq;

    /// <inheritdoc/>
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Append(entry);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Appends at once, keeping the newest <see cref="AuditSearch.MaxEntries"/> lines as the Redis stream does: the embedded
    /// stores call it inside their own lock, as the Redis scripts add their line.
    /// </summary>
    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _lines.Add((++_seq, entry));
            if (_lines.Count > AuditSearch.MaxEntries + 1_000)
            {
                _lines.RemoveRange(0, _lines.Count - AuditSearch.MaxEntries);
            }
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<AuditEntry>> ReadAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. Enumerable.Reverse(_lines).Take(count).Select(line => line.Entry)]);
        }
    }

    /// <inheritdoc/>
    public Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = Math.Clamp(query.Count, 1, AuditSearch.MaxCount);
        var found = new List<AuditEntry>();
        lock (_gate)
        {
            var i = _lines.Count - 1;
            if (query.After is not null)
            {
                // The lines kept have consecutive numbers: the one before `after` is found by subtraction.
                i = long.TryParse(query.After, NumberStyles.None, CultureInfo.InvariantCulture, out var after) && i >= 0
                    ? (int)Math.Clamp(after - 1 - _lines[0].Seq, -1, i)
                    : -1;
            }

            for (var read = 1; i >= 0; i--, read++)
            {
                var (seq, entry) = _lines[i];
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
}
