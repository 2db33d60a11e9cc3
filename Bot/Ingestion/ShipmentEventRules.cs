using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>Validates and normalises one posted shipment event.</summary>
internal static class ShipmentEventRules
{
    public const string TrackingNoRule = "must be an S10 number (2 letters, 9 digits, 2 letters) or 13 digits";
    public const string PhoneRule = "must be 11 digits starting with 1";
    public const string ApplicationNoRule = "must be FP and 14 digits";
    public static readonly string BusinessRule = ExpectOneOf(Enum.GetValues<Business>().Select(PostalNames.ToWire));
    public static readonly string StatusRule = ExpectOneOf(Enum.GetValues<ShipmentStatus>().Select(PostalNames.ToWire));

    /// <summary>The normalised event, or null with the reasons in <paramref name="check"/>.</summary>
    public static ShipmentEvent? Validate(ShipmentEventDto record, RecordCheck check)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(check);
        var trackingNo = check.Code("trackingNo", record.TrackingNo, FieldRules.NormaliseTrackingNo, TrackingNoRule);
        var business = check.Name<Business>("business", record.Business, PostalNames.TryParse, BusinessRule);
        var city = check.City("city", record.City);
        var status = check.Name<ShipmentStatus>("status", record.Status, PostalNames.TryParse, StatusRule);
        var time = check.Time("time", record.Time);
        var location = check.Text("location", record.Location, IngestLimits.MaxLocationLength);
        var description = check.Text("description", record.Description, IngestLimits.MaxTextLength);
        var phone = check.OptionalCode("receiverPhone", record.ReceiverPhone, FieldRules.NormalisePhone, PhoneRule);
        var applicationNo = check.OptionalCode("applicationNo", record.ApplicationNo, FieldRules.NormaliseApplicationNo, ApplicationNoRule);

        // When the check holds, every required field above was present and valid: the nulls the compiler sees are ruled out.
        return check.IsValid
            ? new ShipmentEvent(trackingNo!, business!.Value, city!, status!.Value, time, location, description, phone, applicationNo)
            : null;
    }

    internal static string ExpectOneOf(IEnumerable<string> names) => "unknown; expected one of " + string.Join(", ", names);
}
