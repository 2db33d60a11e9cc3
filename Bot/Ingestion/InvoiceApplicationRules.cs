using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>Validates and normalises one posted invoice application.</summary>
internal static class InvoiceApplicationRules
{
    public const string TaxpayerIdRule = "must be 15 to 20 digits or capital letters";
    public static readonly string StatusRule = ShipmentEventRules.ExpectOneOf(Enum.GetValues<InvoiceStatus>().Select(PostalNames.ToWire));

    /// <summary>The normalised application, or null with the reasons in <paramref name="check"/>.</summary>
    public static InvoiceApplication? Validate(InvoiceApplicationDto record, RecordCheck check)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(check);
        var applicationNo = check.Code("applicationNo", record.ApplicationNo, FieldRules.NormaliseApplicationNo, ShipmentEventRules.ApplicationNoRule);
        var taxpayerId = check.Code("taxpayerId", record.TaxpayerId, FieldRules.NormaliseTaxpayerId, TaxpayerIdRule);
        var taxpayerName = check.Text("taxpayerName", record.TaxpayerName, IngestLimits.MaxNameLength);
        var city = check.City("city", record.City);
        var status = check.Name<InvoiceStatus>("status", record.Status, PostalNames.TryParse, StatusRule);
        var time = check.Time("time", record.Time);
        var trackingNo = check.OptionalCode("trackingNo", record.TrackingNo, FieldRules.NormaliseTrackingNo, ShipmentEventRules.TrackingNoRule);
        var note = check.Text("note", record.Note, IngestLimits.MaxTextLength);
        if (status == InvoiceStatus.Rejected && note is null)
        {
            check.Fail("note", "required when status is rejected");
        }

        // When the check holds, every required field above was present and valid: the nulls the compiler sees are ruled out.
        return check.IsValid
            ? new InvoiceApplication(applicationNo!, taxpayerId!, taxpayerName, city!, status!.Value, time, trackingNo, note)
            : null;
    }
}
