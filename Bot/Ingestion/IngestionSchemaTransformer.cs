using ChatPost.Bot.Dialogs.Postal;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// What the ingestion rules require of a record, in its schema: the required fields and the names a field may take.
/// Every field is a string in the records' own type (a wrong JSON type is one record's rejection, not the batch's), so
/// only the rules know these; the names come from the same lists the rules check against.
/// </summary>
internal sealed class IngestionSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(ShipmentEventDto)] = ["trackingNo", "business", "city", "status", "time"],
        [typeof(InvoiceApplicationDto)] = ["applicationNo", "taxpayerId", "city", "status", "time"],
    };

    private static readonly Dictionary<(Type, string), IEnumerable<string>> Names = new()
    {
        [(typeof(ShipmentEventDto), "business")] = Enum.GetValues<Business>().Select(PostalNames.ToWire),
        [(typeof(ShipmentEventDto), "status")] = Enum.GetValues<ShipmentStatus>().Select(PostalNames.ToWire),
        [(typeof(ShipmentEventDto), "city")] = Cities.All,
        [(typeof(InvoiceApplicationDto), "status")] = Enum.GetValues<InvoiceStatus>().Select(PostalNames.ToWire),
        [(typeof(InvoiceApplicationDto), "city")] = Cities.All,
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property && Names.TryGetValue((property.DeclaringType, property.Name), out var names))
        {
            schema.Enum = [.. names.Select(name => (JsonNode)JsonValue.Create(name))];
        }
        else if (context.JsonPropertyInfo is null && Required.TryGetValue(context.JsonTypeInfo.Type, out var required))
        {
            schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }
}
