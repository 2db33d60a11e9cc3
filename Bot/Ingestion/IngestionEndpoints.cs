using ChatPost.Bot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// <c>POST /api/ingest/shipments</c> and <c>POST /api/ingest/invoice-applications</c>: JSON arrays of records
/// (DESIGN.md, camelCase) with <c>Authorization: Bearer &lt;Ingest:ApiKey&gt;</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>200 <see cref="IngestResponse"/> when the array is empty or at least one record was valid; the valid ones are stored.</item>
/// <item>422 <see cref="IngestResponse"/> when every record was rejected; nothing is stored.</item>
/// <item>400 ProblemDetails when the body is not JSON or not an array (an element that is not an object is a rejected record).</item>
/// <item>401 ProblemDetails without a valid bearer key; 404 when <c>Ingest:ApiKey</c> is empty (the API is off).</item>
/// <item>413 ProblemDetails for a body over 5 MiB or more than 10,000 records; nothing is stored.</item>
/// <item>503 ProblemDetails with Retry-After when Redis is unavailable; send the batch again (writes are idempotent).</item>
/// </list>
/// </remarks>
public static class IngestionEndpoints
{
    /// <summary>Maps the two ingestion endpoints. They answer 404 while <c>Ingest:ApiKey</c> is empty.</summary>
    public static IEndpointRouteBuilder MapIngestionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/ingest")
            .RequireRateLimiting(RateLimitExtensions.Ingest)
            .RequireBearerKey("ingestion", "Ingest:ApiKey", services => services.GetRequiredService<IOptions<IngestOptions>>().Value.ApiKey);
        group.MapPost("/shipments", IngestShipmentsAsync);
        group.MapPost("/invoice-applications", IngestInvoiceApplicationsAsync);
        return endpoints;
    }

    private static Task<Results<Ok<IngestResponse>, UnprocessableEntity<IngestResponse>, ProblemHttpResult>> IngestShipmentsAsync(
        HttpContext http, IngestionHandler handler) => handler.IngestShipmentsAsync(http, http.RequestAborted);

    private static Task<Results<Ok<IngestResponse>, UnprocessableEntity<IngestResponse>, ProblemHttpResult>> IngestInvoiceApplicationsAsync(
        HttpContext http, IngestionHandler handler) => handler.IngestInvoiceApplicationsAsync(http, http.RequestAborted);
}
