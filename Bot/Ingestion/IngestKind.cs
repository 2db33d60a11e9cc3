using System.Text.Json.Serialization.Metadata;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>What differs between the two ingestion endpoints: the record's JSON shape, its rules and where it is stored.</summary>
internal sealed record IngestKind<TDto, T>(
    string Name,
    JsonTypeInfo<TDto> JsonType,
    Func<TDto, RecordCheck, T?> Validate,
    Func<IIngestionStore, IReadOnlyList<T>, CancellationToken, Task<StoreResult>> StoreAsync)
    where TDto : class
    where T : class;

internal static class IngestKinds
{
    public static readonly IngestKind<ShipmentEventDto, ShipmentEvent> Shipments = new(
        "shipments",
        IngestionJsonContext.Default.ShipmentEventDto,
        ShipmentEventRules.Validate,
        (store, records, cancellationToken) => store.AddShipmentEventsAsync(records, cancellationToken));

    public static readonly IngestKind<InvoiceApplicationDto, InvoiceApplication> InvoiceApplications = new(
        "invoice-applications",
        IngestionJsonContext.Default.InvoiceApplicationDto,
        InvoiceApplicationRules.Validate,
        (store, records, cancellationToken) => store.AddInvoiceApplicationsAsync(records, cancellationToken));
}
