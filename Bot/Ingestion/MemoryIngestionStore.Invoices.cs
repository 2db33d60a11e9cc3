using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

public sealed partial class MemoryIngestionStore
{
    private readonly Dictionary<string, StoredApplication> _applications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecencyIndex> _byTaxpayer = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<StoreResult> AddInvoiceApplicationsAsync(IReadOnlyList<InvoiceApplication> applications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var (accepted, duplicates) = (0, 0);
        List<WatchedChange>? watched = null;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var item in applications)
            {
                var (added, isLatest) = Add(item, now);
                if (added)
                {
                    accepted++;
                }
                else
                {
                    duplicates++;
                }

                if (isLatest && WatchRules.IsNotifiable(item.Status))
                {
                    Watched(ItemChange.Of(item), ref watched);
                }
            }
        }

        return Task.FromResult(new StoreResult(accepted, duplicates, watched));
    }

    /// <summary>The latest state of <paramref name="applicationNo"/> (normalised here too); null when unknown.</summary>
    public Task<InvoiceApplication?> FindInvoiceApplicationAsync(string applicationNo, CancellationToken cancellationToken)
    {
        var normalised = FieldRules.NormaliseApplicationNo(applicationNo);
        lock (_gate)
        {
            return Task.FromResult(normalised is null ? null : Live(_applications, normalised, time.GetUtcNow(), a => a.ExpiresAt)?.Application);
        }
    }

    /// <inheritdoc/>
    Task<InvoiceApplication?> IInvoiceLookup.FindAsync(string applicationNo, CancellationToken cancellationToken) => FindInvoiceApplicationAsync(applicationNo, cancellationToken);

    /// <inheritdoc/>
    public Task<InvoiceApplication?> FindLatestByTaxpayerAsync(string taxpayerId, CancellationToken cancellationToken)
    {
        var normalised = FieldRules.NormaliseTaxpayerId(taxpayerId);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var index = normalised is null ? null : Live(_byTaxpayer, normalised, now, i => i.ExpiresAt);
            foreach (var applicationNo in index?.Newest(IngestLimits.TaxpayerCandidates).ToList() ?? [])
            {
                if (Live(_applications, applicationNo, now, a => a.ExpiresAt) is { } stored)
                {
                    return Task.FromResult<InvoiceApplication?>(stored.Application);
                }

                index!.Scores.Remove(applicationNo);
            }

            return Task.FromResult<InvoiceApplication?>(null);
        }
    }

    /// <summary>
    /// Added: false for a duplicate; true when stored, and also for an older state that does not replace the current one.
    /// IsLatest: the application's current state is this one now (stored, or repeated).
    /// </summary>
    private (bool Added, bool IsLatest) Add(InvoiceApplication item, DateTimeOffset now)
    {
        var at = item.Time.ToUnixTimeMilliseconds();
        if (Live(_applications, item.ApplicationNo, now, a => a.ExpiresAt) is { } current)
        {
            var currentAt = current.Application.Time.ToUnixTimeMilliseconds();
            if (at == currentAt && item.Status == current.Application.Status)
            {
                return (false, true);
            }

            if (at < currentAt || (at == currentAt && item.Status < current.Application.Status))
            {
                return (true, false);
            }
        }

        _applications[item.ApplicationNo] = new StoredApplication(item, now + _settings.InvoiceTimeToLive);
        var index = Live(_byTaxpayer, item.TaxpayerId, now, i => i.ExpiresAt) ?? (_byTaxpayer[item.TaxpayerId] = new RecencyIndex());
        index.Add(item.ApplicationNo, at);
        index.ExpiresAt = now + _settings.InvoiceTimeToLive;
        return (true, true);
    }

    private sealed record StoredApplication(InvoiceApplication Application, DateTimeOffset ExpiresAt);
}
