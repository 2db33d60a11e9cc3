using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// Ingested shipments, invoice applications and progress counters in Redis (key shapes in <see cref="RedisKeys"/>).
/// Every write is a Lua script (<see cref="RedisIngestionScripts"/>) that applies up to <see cref="RecordsPerCall"/>
/// records with their indexes and counters atomically; the calls of one batch are pipelined, through
/// <see cref="RedisConnection.DurableDatabase"/>.
/// </summary>
/// <param name="prefetched">Where the turn gate leaves the shipments a turn is expected to look up; none outside turns.</param>
public sealed partial class RedisIngestionStore(RedisConnection redis, IOptions<IngestOptions> options, PrefetchedState? prefetched = null)
    : IIngestionStore, IShipmentLookup, IShipmentHistory, IInvoiceLookup, IProgressCounters
{
    /// <summary>
    /// Records per script call: enough to spread a call's fixed cost over many records, few enough that one call
    /// holds the server for well under a millisecond.
    /// </summary>
    public const int RecordsPerCall = 50;

    private readonly RedisValue _shipmentSeconds = (long)options.Value.ShipmentTimeToLive.TotalSeconds;
    private readonly RedisValue _invoiceSeconds = (long)options.Value.InvoiceTimeToLive.TotalSeconds;
    private readonly RedisValue _counterSeconds = (long)options.Value.CounterTimeToLive.TotalSeconds;

    private IDatabase Database => redis.Database;

    /// <summary>Status ordinals as the scripts look them up: <c>,2,3,</c>.</summary>
    private static string Notifiable(IEnumerable<int> statuses) => "," + string.Join(',', statuses) + ",";

    // A cancelled caller stops waiting; calls already sent still apply, which is harmless as writes are idempotent. The
    // batch is answered once a replica holds it too (when one is to), so that a failover cannot lose what was answered 2xx.
    private async Task<StoreResult> RunInCallsAsync<T>(IReadOnlyList<T> records, Func<IReadOnlyList<T>, int, int, Task<RedisResult>> callAsync,
        Func<T, ItemChange> changeOf, CancellationToken cancellationToken)
    {
        var calls = new Task<RedisResult>[(records.Count + RecordsPerCall - 1) / RecordsPerCall];
        for (var i = 0; i < calls.Length; i++)
        {
            var start = i * RecordsPerCall;
            calls[i] = callAsync(records, start, Math.Min(RecordsPerCall, records.Count - start));
        }

        var results = await Task.WhenAll(calls).WaitAsync(cancellationToken);
        await redis.AcknowledgeAsync().WaitAsync(cancellationToken);
        var (accepted, duplicates) = (0, 0);
        List<WatchedChange>? watched = null;
        for (var i = 0; i < results.Length; i++)
        {
            var outcomes = (RedisResult[])results[i]!;
            for (var j = 0; j < outcomes.Length; j++)
            {
                long outcome;
                if (outcomes[j].Resp2Type == ResultType.Array)
                {
                    // The outcome, then the users who watch the record's item (RedisIngestionScripts).
                    var parts = (RedisResult[])outcomes[j]!;
                    outcome = (long)parts[0];
                    (watched ??= []).Add(new WatchedChange(changeOf(records[(i * RecordsPerCall) + j]), [.. parts.Skip(1).Select(user => (string)user!)]));
                }
                else
                {
                    outcome = (long)outcomes[j];
                }

                if (outcome == 0)
                {
                    duplicates++;
                }
                else
                {
                    accepted++;
                }
            }
        }

        return new StoreResult(accepted, duplicates, watched);
    }
}
