using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>Validates and normalises one posted invoice application.</summary>
internal static class InvoiceApplicationRules
{
    /// <summary>The normalised application, or null with the reasons in <paramref name="check"/>.</summary>
    public static InvoiceApplication? Validate(InvoiceApplicationDto record, RecordCheck check)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(check);
        var applicationNo = check.Code("applicationNo", record.ApplicationNo, FieldRules.NormaliseApplicationNo, RecordRule.ApplicationNoShape);
        var taxpayerId = check.Code("taxpayerId", record.TaxpayerId, FieldRules.NormaliseTaxpayerId, RecordRule.TaxpayerIdShape);
        var taxpayerName = check.Text("taxpayerName", record.TaxpayerName, IngestLimits.MaxNameLength);
        var city = check.City("city", record.City);
        var status = check.Name<InvoiceStatus>("status", record.Status, PostalNames.TryParse, RecordRule.UnknownInvoiceStatus);
        var time = check.Time("time", record.Time);
        var trackingNo = check.OptionalCode("trackingNo", record.TrackingNo, FieldRules.NormaliseTrackingNo, RecordRule.TrackingNoShape);
        var note = check.Text("note", record.Note, IngestLimits.MaxTextLength);
        if (status == InvoiceStatus.Rejected && note is null)
        {
            check.Fail("note", RecordRule.RequiredWhenRejected);
        }

        // When the check holds, every required field above was present and valid: the nulls the compiler sees are ruled out.
        return check.IsValid
            ? new InvoiceApplication(applicationNo!, taxpayerId!, taxpayerName, city!, status!.Value, time, trackingNo, note)
            : null;
    }
}
