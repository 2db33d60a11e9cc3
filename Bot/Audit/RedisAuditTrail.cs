using System.Text.RegularExpressions;
using ChatPost.Bot.Storage;
using StackExchange.Redis;

namespace ChatPost.Bot.Audit;

/// <summary>
/// <see cref="IAuditTrail"/> on Redis: one capped stream, <see cref="RedisKeys.Audit"/>. The broadcast and knowledge
/// scripts add their line to it themselves (<see cref="StreamField"/>, trimmed to about <see cref="AuditSearch.MaxEntries"/>),
/// which is why their keys share its hash tag.
/// </summary>
public sealed partial class RedisAuditTrail(RedisConnection redis) : IAuditTrail
{
    /// <summary>The stream field that holds a line's JSON.</summary>
    public const string StreamField = "e";

    /// <summary>Lines read per round trip of a search.</summary>
    private const int Batch = 500;

    private IDatabase Db => redis.Database;

    /// <inheritdoc/>
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Db.StreamAddAsync(RedisKeys.Audit, StreamField, AuditJsonContext.Serialize(entry), maxLength: AuditSearch.MaxEntries,
            useApproximateMaxLength: true);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int count, CancellationToken cancellationToken)
    {
        var lines = await Db.StreamRangeAsync(RedisKeys.Audit, count: count, messageOrder: Order.Descending);
        return [.. lines.Select(Read)];
    }

    /// <inheritdoc/>
    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = Math.Clamp(query.Count, 1, AuditSearch.MaxCount);
        var found = new List<AuditEntry>();
        if (query.After is { } after && !StreamId().IsMatch(after))
        {
            return new AuditPage([], null);
        }

        // Stream ids as the cursor: "(id" reads strictly older lines (Redis 6.2), "+" from the newest.
        RedisValue before = query.After is null ? "+" : "(" + query.After;
        for (var read = 0; read < AuditSearch.ScanLimit;)
        {
            var batch = await Db.StreamRangeAsync(RedisKeys.Audit, "-", before, Math.Min(Batch, AuditSearch.ScanLimit - read), Order.Descending)
                .WaitAsync(cancellationToken);
            foreach (var line in batch)
            {
                read++;
                var entry = Read(line);
                if (query.IsPastStart(entry))
                {
                    return new AuditPage(found, null);
                }

                if (query.Matches(entry))
                {
                    found.Add(entry);
                }

                if (found.Count == count || read == AuditSearch.ScanLimit)
                {
                    return new AuditPage(found, line.Id.ToString());
                }
            }

            if (batch.Length < Batch)
            {
                break;
            }

            before = "(" + batch[^1].Id;
        }

        return new AuditPage(found, null);
    }

    private static AuditEntry Read(StreamEntry line) => AuditJsonContext.Deserialize(line[StreamField])!;

    [GeneratedRegex("^[0-9]{1,19}-[0-9]{1,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex StreamId();
}
