using System.Collections.Concurrent;

namespace ChatPost.Bot.Storage;

/// <summary>
/// Works through an <see cref="IWorkBacklog"/> until shutdown: takes new items; every third of the retry time
/// tells the backlog which items are still in progress here and takes over the ones left idle longer than the
/// retry time (a dead replica's, or a failed attempt's); runs items with the same order key one after another
/// and different keys in parallel, up to a limit; and outlives storage outages. The handler acknowledges an item
/// when it is done, or leaves it to come back after the retry time.
/// </summary>
public sealed partial class BacklogPump(IWorkBacklog backlog, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan AfterOutage = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, WorkItem> _inProgress = new(StringComparer.Ordinal);
    private readonly List<WorkItem> _cutShort = [];

    /// <summary>This replica's consumer name in the backlog.</summary>
    public string Consumer { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <param name="orderKey">Items with the same key run in backlog order, one at a time (a group, a user).</param>
    /// <param name="handle">Works on one item; acknowledges it through the backlog when done.</param>
    /// <param name="backlogSeen">Told the backlog's size now and then, for metrics.</param>
    public async Task RunAsync(BacklogPumpSettings settings, Func<WorkItem, string> orderKey, Func<WorkItem, CancellationToken, Task> handle,
        Action<long>? backlogSeen, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tails = new Dictionary<string, Task>(StringComparer.Ordinal);
        // Due at once: items a stopping replica gave back (or a dead one left) come before anything queued after them.
        var lastMaintenance = time.GetTimestamp() - (long)(settings.RetryAfter.TotalSeconds * time.TimestampFrequency);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Take only what this replica can start: what it takes is its own until acknowledged or idle for the
                // retry time, so taking more would hold work that other replicas could be doing. Items taken over come
                // first, being older than any not taken yet, so that a user's or a group's items keep their order.
                var free = settings.MaxConcurrent - _inProgress.Count;
                var items = new List<WorkItem>();
                if (time.GetElapsedTime(lastMaintenance) >= settings.RetryAfter / 3)
                {
                    lastMaintenance = time.GetTimestamp();
                    await backlog.TouchAsync(Consumer, [.. _inProgress.Values], stoppingToken);
                    backlogSeen?.Invoke(await backlog.CountAsync(stoppingToken));
                    if (free > 0)
                    {
                        items.AddRange(await backlog.ReclaimAsync(Consumer, settings.RetryAfter, free, stoppingToken));
                    }
                }

                if (free - items.Count > 0)
                {
                    items.AddRange(await backlog.TakeAsync(Consumer, free - items.Count, stoppingToken));
                }

                foreach (var item in items.Where(item => _inProgress.TryAdd(item.Id, item)))
                {
                    var key = orderKey(item);
                    tails[key] = RunAfterAsync(tails.GetValueOrDefault(key, Task.CompletedTask), item, handle, stoppingToken);
                }

                foreach (var done in tails.Where(tail => tail.Value.IsCompleted).Select(tail => tail.Key).ToList())
                {
                    tails.Remove(done);
                }

                if (items.Count == 0)
                {
                    // Idle: look again after the poll interval. Full: as soon as an item is done, or after it.
                    var poll = Task.Delay(settings.PollInterval, time, stoppingToken);
                    await (free > 0 || tails.Count == 0 ? poll : Task.WhenAny(poll, Task.WhenAny(tails.Values)));
                    stoppingToken.ThrowIfCancellationRequested();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must outlive a Redis outage; it logs and tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.BacklogLoopFailed(exception);
                await Task.Delay(AfterOutage, time, CancellationToken.None);
            }
        }

        // Items in progress end at their current attempt. What stopping cut short is given back, so that another replica
        // takes it over at once and in order, not after the retry time behind what was queued since.
        await Task.WhenAll(tails.Values);
        await ReleaseAsync();
    }

    private async Task ReleaseAsync()
    {
        WorkItem[] cutShort;
        lock (_cutShort)
        {
            cutShort = [.. _cutShort];
        }

        try
        {
            await backlog.ReleaseAsync(Consumer, cutShort, CancellationToken.None);
        }
#pragma warning disable CA1031 // Storage gone too: the items come back after the retry time instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.BacklogReleaseFailed(cutShort.Length, exception);
        }
    }

    // No semaphore: the pump never holds more than MaxConcurrent items, so no more can run at once.
    private async Task RunAfterAsync(Task previous, WorkItem item, Func<WorkItem, CancellationToken, Task> handle, CancellationToken stoppingToken)
    {
        try
        {
            await previous;
            await handle(item, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            lock (_cutShort)
            {
                _cutShort.Add(item);
            }
        }
#pragma warning disable CA1031 // One item's failure (storage gone mid-way) must not stop the others; it comes back later.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.BacklogItemFailed(item.Id, exception);
        }
        finally
        {
            _inProgress.TryRemove(item.Id, out _);
        }
    }
}

/// <summary>How a <see cref="BacklogPump"/> works.</summary>
/// <param name="MaxConcurrent">Items this replica holds at once (in progress, or waiting behind one with the same order key).</param>
/// <param name="RetryAfter">How long an item may stay unacknowledged before it is taken over.</param>
/// <param name="PollInterval">How often an idle replica looks for new items.</param>
public sealed record BacklogPumpSettings(int MaxConcurrent, TimeSpan RetryAfter, TimeSpan PollInterval);

internal static partial class BacklogPumpLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Working through a backlog failed; trying again in a second")]
    public static partial void BacklogLoopFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Work item {ItemId} broke off; it comes back after the retry time")]
    public static partial void BacklogItemFailed(this ILogger logger, string itemId, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Giving back {Count} work items cut short by the stop failed; they come back after the retry time")]
    public static partial void BacklogReleaseFailed(this ILogger logger, int count, Exception exception);
}
