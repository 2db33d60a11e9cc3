using System.Text.Json;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Storage;
using StackExchange.Redis;

namespace ChatPost.Bot.Ingestion;

public sealed partial class RedisIngestionStore
{
    private static readonly RedisValue NotifiableApplications = Notifiable(Enum.GetValues<InvoiceStatus>().Where(WatchRules.IsNotifiable).Cast<int>());
    private static readonly RedisValue ApplicationKeyPart = RedisKeys.InvoiceApplication("").ToString();
    private static readonly RedisValue ApplicationWatchersPart = RedisKeys.Watchers(WatchedItem.InvoiceApplication("").Key).ToString();

    /// <inheritdoc/>
    public Task<StoreResult> AddInvoiceApplicationsAsync(IReadOnlyList<InvoiceApplication> applications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return RunInCallsAsync(applications, AddInvoiceCallAsync, ItemChange.Of, cancellationToken);
    }

    /// <summary>The latest state of <paramref name="applicationNo"/> (normalised here too); null when unknown.</summary>
    public async Task<InvoiceApplication?> FindInvoiceApplicationAsync(string applicationNo, CancellationToken cancellationToken)
    {
        var normalised = FieldRules.NormaliseApplicationNo(applicationNo);
        return normalised is null ? null : ToApplication(await Database.HashGetAsync(RedisKeys.InvoiceApplication(normalised), "v").WaitAsync(cancellationToken));
    }

    /// <inheritdoc/>
    Task<InvoiceApplication?> IInvoiceLookup.FindAsync(string applicationNo, CancellationToken cancellationToken) =>
        StorageFailure.ReadRecordsAsync(() => FindInvoiceApplicationAsync(applicationNo, cancellationToken));

    Task<InvoiceApplication?> IInvoiceLookup.FindLatestByTaxpayerAsync(string taxpayerId, CancellationToken cancellationToken) =>
        StorageFailure.ReadRecordsAsync(() => FindLatestByTaxpayerAsync(taxpayerId, cancellationToken));

    /// <inheritdoc/>
    public async Task<InvoiceApplication?> FindLatestByTaxpayerAsync(string taxpayerId, CancellationToken cancellationToken)
    {
        var normalised = FieldRules.NormaliseTaxpayerId(taxpayerId);
        if (normalised is null)
        {
            return null;
        }

        var index = RedisKeys.InvoicesByTaxpayer(normalised);
        var numbers = await Database.SortedSetRangeByRankAsync(index, 0, IngestLimits.TaxpayerCandidates - 1, Order.Descending).WaitAsync(cancellationToken);
        var states = await Task.WhenAll(numbers.Select(number => Database.HashGetAsync(RedisKeys.InvoiceApplication((string)number!), "v"))).WaitAsync(cancellationToken);
        for (var i = 0; i < numbers.Length; i++)
        {
            if (ToApplication(states[i]) is { } application)
            {
                return application;
            }

            // The application expired before its taxpayer's index: forget it there too.
            _ = Database.SortedSetRemoveAsync(index, numbers[i], CommandFlags.FireAndForget);
        }

        return null;
    }

    private Task<RedisResult> AddInvoiceCallAsync(IReadOnlyList<InvoiceApplication> applications, int start, int count)
    {
        const int keysPer = RedisIngestionScripts.InvoiceKeys, valuesPer = RedisIngestionScripts.InvoiceValues;
        var keys = new RedisKey[count * keysPer];
        var values = new RedisValue[RedisIngestionScripts.InvoiceHeader + (count * valuesPer)];
        (values[0], values[1]) = (_invoiceSeconds, IndexCap);
        (values[2], values[3], values[4]) = (NotifiableApplications, ApplicationKeyPart, ApplicationWatchersPart);
        for (var i = 0; i < count; i++)
        {
            var item = applications[start + i];
            keys[i * keysPer] = RedisKeys.InvoiceApplication(item.ApplicationNo);
            keys[(i * keysPer) + 1] = RedisKeys.InvoicesByTaxpayer(item.TaxpayerId);

            var v = RedisIngestionScripts.InvoiceHeader + (i * valuesPer);
            values[v] = item.Time.ToUnixTimeMilliseconds();
            values[v + 1] = (int)item.Status;
            values[v + 2] = JsonSerializer.SerializeToUtf8Bytes(InvoiceApplicationDto.From(item), IngestionJsonContext.Default.InvoiceApplicationDto);
            values[v + 3] = item.ApplicationNo;
        }

        return redis.DurableDatabase.ScriptEvaluateAsync(RedisIngestionScripts.AddInvoiceApplications, keys, values);
    }

    private static InvoiceApplication? ToApplication(RedisValue json) => json.IsNull
        ? null
        : JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)json).Span, IngestionJsonContext.Default.InvoiceApplicationDto)?.ToApplication();
}
