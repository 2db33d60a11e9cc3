using System.Runtime.InteropServices;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Storage;
using StackExchange.Redis;

namespace ChatPost.Bot.Ingestion;

public sealed partial class RedisIngestionStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// The range is read as whole weeks plus the loose days at either end, one HGETALL each, all pipelined. A day or a
    /// week holds at most 17 × 5 × 6 fields whatever the number of events, so a campaign of a hundred days is about 20
    /// small reads in one round trip. An empty list when <paramref name="lastDay"/> is before <paramref name="firstDay"/>.
    /// </remarks>
    Task<IReadOnlyList<ProgressCount>> IProgressCounters.GetAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
        StorageFailure.ReadRecordsAsync(() => GetAsync(firstDay, lastDay, cancellationToken));

    /// <summary>The counts summed over the days, as <see cref="IProgressCounters.GetAsync"/> says, but an outage throws the Redis error.</summary>
    public async Task<IReadOnlyList<ProgressCount>> GetAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var reads = ProgressWeeks.Pieces(firstDay, lastDay)
            .Select(piece => Database.HashGetAllAsync(piece.IsWeek ? RedisKeys.ProgressWeek(piece.Start) : RedisKeys.Progress(piece.Start)))
            .ToArray();

        // Summed by the field's bytes: only the few hundred distinct fields are decoded, not every piece's copy.
        var sums = new Dictionary<RedisValue, long>();
        foreach (var piece in await Task.WhenAll(reads).WaitAsync(cancellationToken))
        {
            foreach (var entry in piece)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(sums, entry.Name, out _) += (long)entry.Value;
            }
        }

        return ProgressFields.Sort(sums.Select(sum => ProgressFields.ToCount((string)sum.Key!, sum.Value)).OfType<ProgressCount>());
    }
}
