using System.Globalization;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// An invoice application in the contract's JSON shape (DESIGN.md), every field a string; also its stored form.
/// </summary>
internal sealed record InvoiceApplicationDto(
    string? ApplicationNo,
    string? TaxpayerId,
    string? TaxpayerName,
    string? City,
    string? Status,
    string? Time,
    string? TrackingNo,
    string? Note)
{
    public static InvoiceApplicationDto From(InvoiceApplication value) => new(
        value.ApplicationNo, value.TaxpayerId, value.TaxpayerName, value.City, PostalNames.ToWire(value.Status),
        WireTime.Format(value.Time), value.TrackingNo, value.Note);

    /// <summary>The application this stored form was made from; null when the stored data is not one.</summary>
    public InvoiceApplication? ToApplication() =>
        ApplicationNo is not null && TaxpayerId is not null && City is not null
        && PostalNames.TryParse(Status, out InvoiceStatus status)
        && DateTimeOffset.TryParse(Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new InvoiceApplication(ApplicationNo, TaxpayerId, TaxpayerName, City, status, time, TrackingNo, Note)
            : null;
}
