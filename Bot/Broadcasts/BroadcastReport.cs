namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// <c>GET /api/broadcasts/{id}</c>: the broadcast and how its delivery went, per group. <c>state</c> is
/// <c>scheduled</c>, <c>sending</c>, <c>completed</c> (every delivery final) or <c>cancelled</c>; a group's
/// <c>state</c> is <c>pending</c>, <c>sent</c> or <c>failed</c> (with its <c>error</c>).
/// </summary>
public sealed record BroadcastReport(
    string Id,
    string State,
    string Origin,
    string? RequestedBy,
    string Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset? At,
    BroadcastTally Summary,
    IReadOnlyList<GroupDelivery> Groups)
{
    public static BroadcastReport From(Broadcast broadcast, BroadcastState state, IReadOnlyDictionary<string, DeliveryState> deliveries,
        StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(directory);
        var groups = broadcast.GroupIds.Select(id =>
        {
            var delivery = deliveries.GetValueOrDefault(id, DeliveryState.Pending);
            var group = directory.FindGroup(id);
            return new GroupDelivery(id, group?.Name, string.IsNullOrEmpty(group?.City) ? null : group.City,
                delivery.Status.ToString().ToLowerInvariant(), delivery.Error, delivery.Attempts, delivery.SentAt, delivery.MayHaveDuplicate);
        }).ToList();
        var tally = new BroadcastTally(groups.Count, groups.Count(g => g.State == "sent"), groups.Count(g => g.State == "failed"),
            groups.Count(g => g.State == "pending"));
        var overall = state switch
        {
            BroadcastState.Scheduled => "scheduled",
            BroadcastState.Cancelled => "cancelled",
            _ => tally.Pending == 0 ? "completed" : "sending",
        };
        return new BroadcastReport(broadcast.Id, overall, broadcast.Origin, broadcast.RequestedBy, broadcast.Title, broadcast.CreatedAt,
            broadcast.At, tally, groups);
    }
}

/// <summary>How many groups a broadcast targets, and how many are sent, failed and pending.</summary>
public sealed record BroadcastTally(int Total, int Sent, int Failed, int Pending);

/// <summary>One group's delivery in a report.</summary>
/// <param name="MayHaveDuplicate">A timeout left it unclear whether a part arrived before it was resent: the group may have it twice.</param>
public sealed record GroupDelivery(string Id, string? Name, string? City, string State, string? Error, int Attempts, DateTimeOffset? SentAt,
    bool MayHaveDuplicate);
