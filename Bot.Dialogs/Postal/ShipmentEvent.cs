namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>
/// One scan of one item, as an upstream system pushed it. The same (TrackingNo, Status, Time) twice is one event.
/// </summary>
public sealed record ShipmentEvent(
    string TrackingNo,
    Business Business,
    string City,
    ShipmentStatus Status,
    DateTimeOffset Time,
    string? Location,
    string? Description,
    string? ReceiverPhone,
    string? ApplicationNo);
