using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Broadcasts;

/// <summary>One delivery to do (a broadcast to a group), as taken from the queue; acknowledged once it is final.</summary>
/// <param name="Item">The queue item it came from.</param>
public sealed record DeliveryTicket(WorkItem Item, string BroadcastId, string GroupId)
{
    /// <summary>The queue payload of a delivery: <c>{broadcastId}|{groupId}</c> (broadcast ids never hold a bar).</summary>
    public static string Payload(string broadcastId, string groupId) => broadcastId + "|" + groupId;

    /// <summary>Reads a queue item; null for a payload that is not a delivery.</summary>
    public static DeliveryTicket? From(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var bar = item.Payload.IndexOf('|', StringComparison.Ordinal);
        return bar <= 0 ? null : new DeliveryTicket(item, item.Payload[..bar], item.Payload[(bar + 1)..]);
    }
}
