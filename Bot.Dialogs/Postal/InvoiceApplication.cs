namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>A taxpayer's application for invoices by post, in its latest known state.</summary>
/// <param name="TrackingNo">Set once mailed.</param>
/// <param name="Note">Why it was rejected, when it was.</param>
public sealed record InvoiceApplication(
    string ApplicationNo,
    string TaxpayerId,
    string? TaxpayerName,
    string City,
    InvoiceStatus Status,
    DateTimeOffset Time,
    string? TrackingNo,
    string? Note);
