using System.Globalization;
using System.Text.Json.Nodes;
using ChatPost.Bot.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace ChatPost.Bot.ApiDocs;

/// <summary>
/// Completes each <c>/api</c> operation from what its endpoint already says about itself: a bearer key
/// (<see cref="BearerKeyRequirement"/>) becomes its security requirement and its 401 and 404 answers, a rate limit its
/// 429; every answer without a meaning of its own gets the general one (<see cref="ApiAnswers"/>); and the endpoint's
/// <see cref="ApiExample"/>s are written beside its request and the answer each gets.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        // The endpoint's own meaning of an answer wins over the reason phrase ApiExplorer took from the handler's return type.
        foreach (var declared in metadata.OfType<IProducesResponseTypeMetadata>().Where(declared => declared.Description is not null))
        {
            if (operation.Responses.TryGetValue(declared.StatusCode.ToString(CultureInfo.InvariantCulture), out var response) && response is OpenApiResponse concrete)
            {
                concrete.Description = declared.Description;
            }
        }

        if (metadata.OfType<BearerKeyRequirement>().LastOrDefault() is { } key)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.SchemeId(key), context.Document)] = [] }];
            await AddProblemAsync(operation, context, StatusCodes.Status401Unauthorized, ApiAnswers.Unauthorized, cancellationToken);
            await AddProblemAsync(operation, context, StatusCodes.Status404NotFound, ApiAnswers.Disabled, cancellationToken);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            await AddProblemAsync(operation, context, StatusCodes.Status429TooManyRequests, ApiAnswers.TooManyRequests, cancellationToken);
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete && int.TryParse(status, CultureInfo.InvariantCulture, out var code)
                && (string.IsNullOrEmpty(concrete.Description) || concrete.Description == ReasonPhrase(code)) && ApiAnswers.Meaning(code) is { } meaning)
            {
                concrete.Description = meaning;
            }
        }

        foreach (var example in metadata.OfType<ApiExample>())
        {
            AddExample(operation, example);
        }
    }

    private static async Task AddProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string meaning,
        CancellationToken cancellationToken)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing))
        {
            // The endpoint's own 404 ("no such broadcast") and the disabled API share the status: say both.
            if (existing is OpenApiResponse response && status == StatusCodes.Status404NotFound && response.Description?.Contains(meaning, StringComparison.Ordinal) != true)
            {
                response.Description = $"{response.Description ?? ApiAnswers.NotFound} — or: {meaning}";
            }

            return;
        }

        // One ProblemDetails component for all of them, as the endpoints' own problems have, instead of a copy each.
        if (context.Document?.Components?.Schemas?.ContainsKey(nameof(ProblemDetails)) != true)
        {
            context.Document?.AddComponent<IOpenApiSchema>(nameof(ProblemDetails),
                await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = meaning,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
            },
        };
    }

    private static void AddExample(OpenApiOperation operation, ApiExample example)
    {
        if (example.Body is not null && operation.RequestBody?.Content?.FirstOrDefault().Value is { } request)
        {
            request.Examples ??= new Dictionary<string, IOpenApiExample>();
            request.Examples[example.Name] = new OpenApiExample { Summary = example.Summary, Value = JsonNode.Parse(example.Body) };
        }

        foreach (var (name, value) in example.Parameters ?? new Dictionary<string, string>())
        {
            if (operation.Parameters?.FirstOrDefault(parameter => parameter.Name == name) is OpenApiParameter parameter)
            {
                parameter.Examples ??= new Dictionary<string, IOpenApiExample>();
                parameter.Examples[example.Name] = new OpenApiExample { Summary = example.Summary, Value = JsonValue.Create(value) };
            }
        }

        if (operation.Responses!.TryGetValue(example.Status.ToString(CultureInfo.InvariantCulture), out var answer)
            && answer.Content?.FirstOrDefault().Value is { } media)
        {
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            media.Examples[example.Name] = new OpenApiExample
            {
                Summary = example.Summary,
                Value = example.Response is null ? null : JsonNode.Parse(example.Response),
            };
        }
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
