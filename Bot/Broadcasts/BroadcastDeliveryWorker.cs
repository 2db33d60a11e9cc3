using System.Collections.Concurrent;
using ChatPost.Bot.Channels.WeCom.GroupRobot;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;
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
    ILogger<BroadcastDeliveryWorker> logger) : BackgroundService
{
    private readonly BroadcastOptions _options = options.Value;
    private readonly IWorkBacklog _queue = store.Deliveries;
    private readonly BacklogPump _pump = new(store.Deliveries, time, logger);

    // Broadcasts never change once accepted: one read per broadcast and replica instead of one per group.
    private readonly ConcurrentDictionary<string, Broadcast> _broadcasts = new(StringComparer.Ordinal);
    private const int CachedBroadcasts = 256;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _pump.RunAsync(new BacklogPumpSettings(_options.MaxConcurrentDeliveries, _options.RetryAfter, _options.PollInterval),
            item => DeliveryTicket.From(item)?.GroupId ?? item.Id, DeliverAsync, metrics.BroadcastBacklogSeen, stoppingToken);

    private async Task DeliverAsync(WorkItem item, CancellationToken stoppingToken)
    {
        if (DeliveryTicket.From(item) is { } ticket)
        {
            await DeliverAsync(ticket, stoppingToken);
        }
        else
        {
            await _queue.AcknowledgeAsync(item, stoppingToken);
        }
    }

    private async Task DeliverAsync(DeliveryTicket ticket, CancellationToken stoppingToken)
    {
        var broadcast = await GetBroadcastAsync(ticket.BroadcastId, stoppingToken);
        var state = await store.GetDeliveryAsync(ticket.BroadcastId, ticket.GroupId, stoppingToken);
        if (broadcast is null || state is null || state.IsFinal)
        {
            // Expired, or finished by a replica that died before acknowledging: nothing to send twice.
            await _queue.AcknowledgeAsync(ticket.Item, stoppingToken);
            return;
        }

        if (state.Sending)
        {
            // Whoever had it last began sending a part and never recorded how that went: it may have arrived.
            state = state with { MayHaveDuplicate = true };
        }

        var group = directory.FindGroup(ticket.GroupId);
        // How the attempt went, recorded: no part is in flight any more.
        state = (group is null
            ? state with { Status = DeliveryStatus.Failed, Error = "该群已不在配置中" }
            : await SendRemainingPartsAsync(ticket, broadcast, group, state, stoppingToken)) with { Sending = false };
        // What was sent is recorded even during shutdown: otherwise the replica that takes over would send it again.
        var remaining = await store.SaveDeliveryAsync(ticket.BroadcastId, ticket.GroupId, state, CancellationToken.None);
        if (!state.IsFinal)
        {
            logger.DeliveryWillRetry(ticket.BroadcastId, ticket.GroupId, state.Attempts, state.Error);
            return; // Unacknowledged: taken over again after RetryAfter.
        }

        await _queue.AcknowledgeAsync(ticket.Item, CancellationToken.None);
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
            // Recorded before the part goes (with the progress of a long delivery, an announcement and its charts): a part
            // sent but never recorded, by a replica that died or a record Redis refused mid-failover, is resent flagged.
            state = state with { Sending = true };
            await store.SaveDeliveryAsync(ticket.BroadcastId, ticket.GroupId, state, stoppingToken);
            var result = await robots.SendAsync(group.WebhookKey, messages[part], stoppingToken);
            var ambiguous = state.MayHaveDuplicate || result.Ambiguous;
            if (result.Sent)
            {
                state = state with { PartsSent = part + 1, MayHaveDuplicate = ambiguous };
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
