using System.Diagnostics;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// The FAQ index every turn searches (<see cref="IFaqIndexSource"/>), kept current with the store in the background:
/// each <see cref="KnowledgeOptions.RefreshInterval"/> it reads the store's revision and, when it moved, reads the
/// entries, builds a new index and swaps the reference. A turn only ever reads that reference.
/// </summary>
/// <remarks>
/// Why a polled revision rather than pub/sub: one GET a second per replica costs nothing, a change reaches every
/// replica within the interval whatever happened meanwhile, and nothing is lost while a replica is disconnected or Redis
/// fails over (a pub/sub message sent then is gone, so pub/sub would need this poll behind it anyway); it also works the
/// same on Redis Cluster. On start the store is seeded from section <c>Faq</c> when it was never written, and the start
/// waits (briefly) for the first read; while the store cannot be read the last index keeps answering — at first the seed.
/// </remarks>
public sealed class KnowledgeBase(IKnowledgeStore store, IOptions<FaqOptions> faq, IOptions<KnowledgeOptions> options, TextSegmenter segmenter,
    TimeProvider time, ILogger<KnowledgeBase> logger) : BackgroundService, IFaqIndexSource
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private FaqIndex _current = new(faq.Value.Entries, faq.Value, segmenter);
    private bool _loaded;
    private bool _failing;

    /// <inheritdoc/>
    public FaqIndex Current => Volatile.Read(ref _current);

    /// <summary>
    /// Reads the store's revision and, when it moved (or nothing was read yet), rebuilds the index; one refresh at a time,
    /// so an older index never replaces a newer one. A change made on this replica calls it before it answers, so the
    /// caller's next read here sees the change. Never throws but on cancellation.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var revision = await store.GetRevisionAsync(cancellationToken);
            if (revision == 0)
            {
                await SeedAsync(cancellationToken);
            }

            if (!_loaded || revision != Current.Revision)
            {
                var started = Stopwatch.GetTimestamp();
                var snapshot = await store.ReadAsync(cancellationToken);
                var index = new FaqIndex(snapshot.Entries.OrderBy(version => version.Id, StringComparer.Ordinal).Select(version => version.Entry),
                    faq.Value, segmenter, snapshot.Revision);
                Volatile.Write(ref _current, index);
                _loaded = true;
                var milliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                logger.IndexRebuilt(snapshot.Revision, index.Entries.Count, milliseconds);
            }

            if (_failing)
            {
                _failing = false;
                logger.RefreshRecovered(Current.Revision);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!_failing)
            {
                _failing = true;
                logger.RefreshFailed(Current.Revision, exception);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StartWait);
        await RefreshAsync(wait.Token);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.RefreshInterval, time, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entries = faq.Value.Entries;
        var versions = entries.Select(entry => new FaqEntryVersion(entry.Id, 1, entry, FaqEntryVersion.Seeded, KnowledgeService.SystemActor, now)).ToList();
        var audit = new AuditEntry(now, KnowledgeService.SystemActor, AuditArea.Knowledge, KnowledgeService.AuditAction(FaqEntryVersion.Seeded), null, "seed",
            $"{versions.Count} entries from config/faq.json");
        if ((await store.WriteAsync(versions, [audit], onlyIfEmpty: true, cancellationToken)).Written)
        {
            logger.Seeded(versions.Count);
        }
    }
}
