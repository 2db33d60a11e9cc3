using System.Globalization;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// A shipment event in the contract's JSON shape (DESIGN.md): every field a string so that a wrong JSON type is a
/// per-record rejection. Also the stored form of a validated event (normalised values).
/// </summary>
internal sealed record ShipmentEventDto(
    string? TrackingNo,
    string? Business,
    string? City,
    string? Status,
    string? Time,
    string? Location,
    string? Description,
    string? ReceiverPhone,
    string? ApplicationNo)
{
    public static ShipmentEventDto From(ShipmentEvent value) => new(
        value.TrackingNo, PostalNames.ToWire(value.Business), value.City, PostalNames.ToWire(value.Status),
        WireTime.Format(value.Time), value.Location, value.Description, value.ReceiverPhone, value.ApplicationNo);

    /// <summary>The event this stored form was made from; null when the stored data is not one (never written by us).</summary>
    public ShipmentEvent? ToEvent() =>
        TrackingNo is not null && City is not null
        && PostalNames.TryParse(Business, out Business business)
        && PostalNames.TryParse(Status, out ShipmentStatus status)
        && DateTimeOffset.TryParse(Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new ShipmentEvent(TrackingNo, business, City, status, time, Location, Description, ReceiverPhone, ApplicationNo)
            : null;
}
