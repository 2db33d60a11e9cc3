using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatPost.Bot.ApiDocs;

/// <summary>
/// A type that refuses unknown members (<see cref="JsonUnmappedMemberHandling.Disallow"/>) is described as such
/// (<c>additionalProperties: false</c>): a client generated from the document then cannot send a field the API refuses.
/// </summary>
internal sealed class ClosedSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.UnmappedMemberHandling == JsonUnmappedMemberHandling.Disallow)
        {
            schema.AdditionalPropertiesAllowed = false;
        }

        return Task.CompletedTask;
    }
}
