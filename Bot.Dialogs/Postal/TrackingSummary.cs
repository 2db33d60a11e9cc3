namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>What a citizen's tracking answer shows: the latest event as ingested, and how many events there are.</summary>
public sealed record TrackingSummary(ShipmentEvent Latest, int EventCount);
