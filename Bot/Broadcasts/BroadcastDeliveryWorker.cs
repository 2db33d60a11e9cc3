using System.Collections.Concurrent;
using ChatPost.Bot.Channels.WeCom.GroupRobot;
using ChatPost.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// Delivers queued broadcasts to group robots: one delivery per group at a time (in order), many groups at
/// once; resumes a delivery after the parts that already arrived; retries failures after
/// <see cref="BroadcastOptions.RetryAfter"/> up to <see cref="BroadcastOptions.MaxAttempts"/>; takes over what a
/// dead replica left; and reports each broadcast once all its deliveries are final.
/// </summary>
public sealed partial class BroadcastDeliveryWorker(IBroadcastStore store, IGroupRobotClient robots, StaffDirectory directory,
    BroadcastCompletion completion, IOptions<BroadcastOptions> options, TimeProvider time, ChatPostMetrics metrics,
    ILogger<BroadcastDeliveryWorker> logger)
    : BackgroundService
{
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
    private readonly ConcurrentDictionary<string, DeliveryTicket> _inProgress = new(StringComparer.Ordinal);
    private readonly BroadcastOptions _options = options.Value;

    // Broadcasts never change once accepted: one read per broadcast and replica instead of one per group.
    private readonly ConcurrentDictionary<string, Broadcast> _broadcasts = new(StringComparer.Ordinal);
    private const int CachedBroadcasts = 256;

    /// <summary>The consumer name of this replica in the delivery queue.</summary>
    public string Consumer => _consumer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(_options.MaxConcurrentDeliveries);
        var tails = new Dictionary<string, Task>(StringComparer.Ordinal);
        var lastMaintenance = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var tickets = new List<DeliveryTicket>(await store.TakeAsync(_consumer, _options.MaxConcurrentDeliveries, stoppingToken));
                if (time.GetElapsedTime(lastMaintenance) >= _options.RetryAfter / 3)
                {
                    lastMaintenance = time.GetTimestamp();
                    await store.TouchAsync(_consumer, [.. _inProgress.Values], stoppingToken);
                    metrics.BroadcastBacklogSeen(await store.BacklogAsync(stoppingToken));
                    tickets.AddRange(await store.ReclaimAsync(_consumer, _options.RetryAfter, _options.MaxConcurrentDeliveries, stoppingToken));
                }

                foreach (var ticket in tickets.Where(ticket => _inProgress.TryAdd(ticket.EntryId, ticket)))
                {
                    var previous = tails.GetValueOrDefault(ticket.GroupId, Task.CompletedTask);
                    tails[ticket.GroupId] = DeliverAfterAsync(previous, ticket, slots, stoppingToken);
                }

                foreach (var done in tails.Where(tail => tail.Value.IsCompleted).Select(tail => tail.Key).ToList())
                {
                    tails.Remove(done);
                }

                if (tickets.Count == 0)
                {
                    await Task.Delay(_options.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The delivery loop must outlive a Redis outage; it logs and tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.DeliveryLoopFailed(exception);
                await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            }
        }

        // Deliveries in progress end at their current attempt; what is unacknowledged is taken over later.
        await Task.WhenAll(tails.Values);
    }

    private async Task DeliverAfterAsync(Task previous, DeliveryTicket ticket, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await previous;
            await slots.WaitAsync(stoppingToken);
            try
            {
                await DeliverAsync(ticket, stoppingToken);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // One delivery's failure (Redis gone mid-way) must not stop the others; it is retried later.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.DeliveryFailed(ticket.BroadcastId, ticket.GroupId, exception);
        }
        finally
        {
            _inProgress.TryRemove(ticket.EntryId, out _);
        }
    }

    private async Task DeliverAsync(DeliveryTicket ticket, CancellationToken stoppingToken)
    {
        var broadcast = await GetBroadcastAsync(ticket.BroadcastId, stoppingToken);
        var state = await store.GetDeliveryAsync(ticket.BroadcastId, ticket.GroupId, stoppingToken);
        if (broadcast is null || state is null || state.IsFinal)
        {
            // Expired, or finished by a replica that died before acknowledging: nothing to send twice.
            await store.AcknowledgeAsync(ticket, stoppingToken);
            return;
        }

        var group = directory.FindGroup(ticket.GroupId);
        state = group is null
            ? state with { Status = DeliveryStatus.Failed, Error = "该群已不在配置中" }
            : await SendRemainingPartsAsync(ticket, broadcast, group, state, stoppingToken);
        // What was sent is recorded even during shutdown: otherwise the replica that takes over would send it again.
        var remaining = await store.SaveDeliveryAsync(ticket.BroadcastId, ticket.GroupId, state, CancellationToken.None);
        if (!state.IsFinal)
        {
            logger.DeliveryWillRetry(ticket.BroadcastId, ticket.GroupId, state.Attempts, state.Error);
            return; // Unacknowledged: taken over again after RetryAfter.
        }

        await store.AcknowledgeAsync(ticket, CancellationToken.None);
        logger.DeliveryFinished(ticket.BroadcastId, ticket.GroupId, state.Status, state.Error);
        if (remaining == 0)
        {
            await completion.CompleteAsync(broadcast, CancellationToken.None);
        }
    }

    private async Task<Broadcast?> GetBroadcastAsync(string id, CancellationToken cancellationToken)
    {
        if (_broadcasts.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var broadcast = await store.GetAsync(id, cancellationToken);
        if (broadcast is not null)
        {
            if (_broadcasts.Count >= CachedBroadcasts)
            {
                _broadcasts.Clear();
            }

            _broadcasts[id] = broadcast;
        }

        return broadcast;
    }

    private async Task<DeliveryState> SendRemainingPartsAsync(DeliveryTicket ticket, Broadcast broadcast, GroupOptions group, DeliveryState state,
        CancellationToken stoppingToken)
    {
        // Split here rather than in the client, one message per send: a retry then resumes after the messages that
        // arrived instead of repeating the first part of a long text.
        var messages = broadcast.Parts.SelectMany(part => RobotMessageSplitter.Split(ToRobotMessage(part))).ToList();
        for (var part = state.PartsSent; part < messages.Count; part++)
        {
            var result = await robots.SendAsync(group.WebhookKey, messages[part], stoppingToken);
            var ambiguous = state.MayHaveDuplicate || result.Ambiguous;
            if (result.Sent)
            {
                state = state with { PartsSent = part + 1, MayHaveDuplicate = ambiguous };
                if (state.PartsSent < messages.Count)
                {
                    // Progress of a long delivery (an announcement and its charts) survives a crash between parts.
                    await store.SaveDeliveryAsync(ticket.BroadcastId, ticket.GroupId, state, CancellationToken.None);
                }

                continue;
            }

            var attempts = state.Attempts + 1;
            var error = result.ErrorCode is { } code ? $"errcode {code}: {result.Error}" : result.Error;
            return result.Permanent || attempts >= _options.MaxAttempts
                ? state with { Status = DeliveryStatus.Failed, Attempts = attempts, Error = error, MayHaveDuplicate = ambiguous }
                : state with { Attempts = attempts, Error = error, MayHaveDuplicate = ambiguous };
        }

        return state with { Status = DeliveryStatus.Sent, SentAt = time.GetUtcNow(), Error = null };
    }

    private static RobotMessage ToRobotMessage(BroadcastPart part) => part.Kind switch
    {
        BroadcastPartKind.Markdown => new RobotMessage.Markdown(part.Content ?? ""),
        BroadcastPartKind.Image => new RobotMessage.Image(Convert.FromBase64String(part.ImageBase64 ?? "")),
        _ => new RobotMessage.Text(part.Content ?? ""),
    };
}
