using System.Text.Json;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Replies that missed the passive window, waiting for <see cref="LateReplyWorker"/> to send them through the
/// channel's API. Durable (a Redis stream) so that a restart or a long WeChat outage loses none: a reply waits for
/// up to <see cref="LateReplyOptions.GiveUpAfter"/>, WeChat's 48-hour customer-service window. Notifications of watched
/// items wait here too, in the same order per user: how each may reach its user is decided when its turn comes.
/// </summary>
public sealed class LateReplyOutbox(IWorkBacklog backlog, TimeProvider time)
{
    public IWorkBacklog Backlog => backlog;

    /// <summary>Queues a notification of <paramref name="change"/> for each of its watchers (in one round-trip time).</summary>
    public Task AddNoticesAsync(string channelId, ItemChange change, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var queuedAt = time.GetUtcNow();
        return Task.WhenAll([.. userIds.Select(user => backlog.AddAsync(new LateReply(channelId, user, null, queuedAt) { Change = change }.ToPayload(), cancellationToken))]);
    }

    /// <summary>Queues the sending of whatever notifications waited for the user's message, which has just come.</summary>
    public Task AddReleaseAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        backlog.AddAsync(new LateReply(channelId, userId, null, time.GetUtcNow()) { Release = true }.ToPayload(), cancellationToken);

    /// <summary>Queues the replies of one turn to one user, in order.</summary>
    public Task AddAsync(string channelId, string userId, IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        // Issued one after another without waiting, so they reach the stream in order in one round-trip time: an
        // on-time turn with a second reply waits for this before WeChat gets its answer.
        var saidAt = time.GetUtcNow();
        return Task.WhenAll([.. replies.Select(reply => backlog.AddAsync(new LateReply(channelId, userId, reply, saidAt).ToPayload(), cancellationToken))]);
    }

    /// <summary>
    /// The delivery of a turn on a channel with one message per passive answer (the Official Account, the WeCom app):
    /// the first reply said on time answers the callback; the others, and all late ones, go through this outbox.
    /// </summary>
    public ITurnDelivery DeliveryTo(string channelId, string userId) => new OutboxDelivery(this, channelId, userId);

    private sealed class OutboxDelivery(LateReplyOutbox outbox, string channelId, string userId) : ITurnDelivery
    {
        public Task SendLateAsync(IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken) =>
            outbox.AddAsync(channelId, userId, replies, cancellationToken);

        public Task EndLateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// One reply to send through a channel's API, and when it was said; or, without a reply, a notification for
/// <see cref="INoticeDelivery"/>: a watched item's <see cref="Change"/>, or the <see cref="Release"/> of those kept for the
/// user's next message.
/// </summary>
public sealed record LateReply(string ChannelId, string UserId, OutboundReply? Reply, DateTimeOffset SaidAt)
{
    /// <summary>A watched item's new state, to tell the user however WeChat allows when this item's turn comes.</summary>
    public ItemChange? Change { get; init; }

    /// <summary>The user has just written: send the notifications that waited for it.</summary>
    public bool Release { get; init; }

    /// <summary>The order key (channel and user) and the JSON, on separate lines: the key is read without parsing the JSON.</summary>
    public string ToPayload() => $"{ChannelId}\n{UserId}\n{JsonSerializer.Serialize(this, ChannelsJsonContext.Default.LateReply)}";

    /// <summary>The channel and user of a payload: replies to one user are sent one after another.</summary>
    public static string OrderKey(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var second = payload.IndexOf('\n', payload.IndexOf('\n', StringComparison.Ordinal) + 1);
        return second < 0 ? payload : payload[..second];
    }

    /// <summary>Reads a payload; null when it is not one (it is then dropped).</summary>
    public static LateReply? From(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var json = payload.IndexOf('{', StringComparison.Ordinal);
        try
        {
            return json < 0 ? null : JsonSerializer.Deserialize(payload[json..], ChannelsJsonContext.Default.LateReply);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
