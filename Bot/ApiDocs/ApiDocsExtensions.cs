using ChatPost.Bot.Console;
using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace ChatPost.Bot.ApiDocs;

public static class ApiDocsExtensions
{
    /// <summary>The document's name: it is served at <c>/openapi/v1.json</c> (contract).</summary>
    public const string DocumentName = "v1";

    /// <summary>Where the interactive reference is served.</summary>
    public const string ReferencePath = "/docs";

    /// <summary>
    /// The OpenAPI 3.1 description of every <c>/api</c> endpoint, and nothing else: each endpoint describes itself next
    /// to its mapping (<c>WithSummary</c>, <c>WithDescription</c>, <see cref="ApiEndpointExtensions"/>); the
    /// transformers add what follows from its conventions (keys, rate limits, closed schemas).
    /// </summary>
    public static IHostApplicationBuilder AddApiDocs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && id.EndsWith("Dto", StringComparison.Ordinal)
                ? id[..^3]
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer<ApiDocument>();
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<ClosedSchemaTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// Adds a feature's own schema transformer to the document: what its types cannot say themselves (the names a
    /// string may take, the fields its rules require).
    /// </summary>
    public static IServiceCollection AddApiSchemaTransformer<TTransformer>(this IServiceCollection services)
        where TTransformer : class, IOpenApiSchemaTransformer
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<OpenApiOptions>(DocumentName, options => options.AddSchemaTransformer<TTransformer>());
        return services;
    }

    /// <summary>
    /// <c>GET /openapi/v1.json</c> for everyone (integrators generate their clients from it), and the interactive
    /// reference at <c>/docs</c>: open in Development, for the console's signed-in operators elsewhere. Every asset of
    /// the reference comes from the service itself: no fonts, telemetry, agent, or developer tools that reach elsewhere.
    /// </summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var reference = app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle(ApiDocument.Title)
            .AddDocument(DocumentName)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .AddPreferredSecuritySchemes("adminKey"));
        if (!app.Environment.IsDevelopment())
        {
            reference.RequireAuthorization(ConsolePolicies.Operator);
        }

        return app;
    }
}
