using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// The embedded twin of <see cref="RedisIngestionStore"/>: the same semantics (idempotency, latest-wins, counting,
/// index order and caps, expiry measured from the last write) in this process, for the in-memory mode and tests.
/// </summary>
/// <remarks>
/// One lock guards everything, so each batch is applied atomically. Expired entries read as missing and are
/// dropped when next touched, not swept: the embedded mode is for one process and modest volumes.
/// </remarks>
/// <param name="watchers">Who watches which item, to report watched changes as the Redis scripts do; null: nobody watches.</param>
public sealed partial class MemoryIngestionStore(IOptions<IngestOptions> options, TimeProvider time, IWatcherIndex? watchers = null)
    : IIngestionStore, IShipmentLookup, IShipmentHistory, IInvoiceLookup, IProgressCounters
{
    private readonly Lock _gate = new();
    private readonly IngestOptions _settings = options.Value;

    /// <summary>Index entries newest first, ties by member descending, as Redis's ZREVRANGE orders them; capped like the script caps them.</summary>
    private sealed class RecencyIndex
    {
        public Dictionary<string, long> Scores { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset ExpiresAt { get; set; }

        public void Add(string member, long score)
        {
            Scores[member] = Scores.TryGetValue(member, out var current) ? Math.Max(current, score) : score;
            if (Scores.Count > IngestLimits.MaxIndexEntries)
            {
                Scores.Remove(Newest(int.MaxValue).Last());
            }
        }

        public IEnumerable<string> Newest(int count) => Scores
            .OrderByDescending(entry => entry.Value)
            .ThenByDescending(entry => entry.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(entry => entry.Key);
    }

    /// <summary>Adds <paramref name="change"/> to <paramref name="watched"/> when someone watches its item.</summary>
    private void Watched(ItemChange change, ref List<WatchedChange>? watched)
    {
        if (watchers?.WatchersOf(change.Item) is { Count: > 0 } users)
        {
            (watched ??= []).Add(new WatchedChange(change, users));
        }
    }

    private static T? Live<T>(Dictionary<string, T> entries, string key, DateTimeOffset now, Func<T, DateTimeOffset> expiresAt)
        where T : class
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (expiresAt(entry) > now)
        {
            return entry;
        }

        entries.Remove(key);
        return null;
    }
}
