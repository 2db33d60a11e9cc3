using System.Text.Json.Serialization;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// Source-generated JSON for the ingestion contract: camelCase names matched exactly, a property given twice refused
/// (which value would count is ambiguous). Unknown properties are refused by the parser, per record.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ShipmentEventDto))]
[JsonSerializable(typeof(InvoiceApplicationDto))]
[JsonSerializable(typeof(IngestResponse))]
internal sealed partial class IngestionJsonContext : JsonSerializerContext;
