using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>Validates and normalises one posted shipment event.</summary>
internal static class ShipmentEventRules
{
    /// <summary>The normalised event, or null with the reasons in <paramref name="check"/>.</summary>
    public static ShipmentEvent? Validate(ShipmentEventDto record, RecordCheck check)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(check);
        var trackingNo = check.Code("trackingNo", record.TrackingNo, FieldRules.NormaliseTrackingNo, RecordRule.TrackingNoShape);
        var business = check.Name<Business>("business", record.Business, PostalNames.TryParse, RecordRule.UnknownBusiness);
        var city = check.City("city", record.City);
        var status = check.Name<ShipmentStatus>("status", record.Status, PostalNames.TryParse, RecordRule.UnknownShipmentStatus);
        var time = check.Time("time", record.Time);
        var location = check.Text("location", record.Location, IngestLimits.MaxLocationLength);
        var description = check.Text("description", record.Description, IngestLimits.MaxTextLength);
        var phone = check.OptionalCode("receiverPhone", record.ReceiverPhone, FieldRules.NormalisePhone, RecordRule.PhoneShape);
        var applicationNo = check.OptionalCode("applicationNo", record.ApplicationNo, FieldRules.NormaliseApplicationNo, RecordRule.ApplicationNoShape);

        // When the check holds, every required field above was present and valid: the nulls the compiler sees are ruled out.
        return check.IsValid
            ? new ShipmentEvent(trackingNo!, business!.Value, city!, status!.Value, time, location, description, phone, applicationNo)
            : null;
    }
}
