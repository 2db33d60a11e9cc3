namespace ChatPost.Bot.Broadcasts;

/// <summary>One delivery to do (a broadcast to a group), as taken from the queue; acknowledged once it is final.</summary>
/// <param name="EntryId">The queue's id for it (a Redis stream entry id).</param>
public sealed record DeliveryTicket(string EntryId, string BroadcastId, string GroupId);
