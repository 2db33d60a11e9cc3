using ChatPost.Bot.ApiDocs;
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
            .WithTags("Ingestion 数据导入")
            .RequireRateLimiting(RateLimitExtensions.Ingest)
            .RequireBearerKey("ingestion", "Ingest:ApiKey", services => services.GetRequiredService<IOptions<IngestOptions>>().Value.ApiKey);
        group.MapPost("/shipments", IngestShipmentsAsync)
            .WithSummary("Push shipment events 推送邮件轨迹")
            .WithDescription("""
                A JSON array of shipment events, one per scan, at most 10,000 records and 5 MiB. Each record is checked on its
                own: the valid ones are stored (a repeated event counts as a duplicate, so a batch may safely be sent again),
                the others are listed by index with the reason. Citizens see the latest event of a tracking number at once.
                推送邮件轨迹的 JSON 数组，每条一次扫描，最多 10,000 条、5 MiB。逐条校验：有效记录存储（重复事件计为重复，
                可安全重发），无效记录按序号列出原因。市民随即可查到该邮件号的最新轨迹。
                """)
            .Accepts<IReadOnlyList<ShipmentEventDto>>("application/json")
            .WithIngestAnswers()
            .WithExamples(IngestionExamples.Shipments);
        group.MapPost("/invoice-applications", IngestInvoiceApplicationsAsync)
            .WithSummary("Push invoice applications 推送发票申请")
            .WithDescription("""
                A JSON array of invoice applications from the e-tax site, with the same rules as shipment events. A state
                older than the one stored is counted but does not replace it; a rejected application needs its `note`.
                Taxpayers then find their application by its number or their taxpayer ID.
                推送电子税务局发票申请的 JSON 数组，规则同邮件轨迹。比已存状态更早的状态计入但不覆盖；驳回的申请须有 `note`。
                纳税人随即可按申请编号或纳税人识别号查询。
                """)
            .Accepts<IReadOnlyList<InvoiceApplicationDto>>("application/json")
            .WithIngestAnswers()
            .WithExamples(IngestionExamples.InvoiceApplications);
        return endpoints;
    }

    private static RouteHandlerBuilder WithIngestAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .Returns<IngestResponse>(StatusCodes.Status200OK,
            "The valid records are stored (or the array was empty); the rejected ones are listed. 有效记录已存储（或数组为空），被拒绝的记录逐条列出。")
        .Returns<IngestResponse>(StatusCodes.Status422UnprocessableEntity,
            "No record was valid: each is listed with its reason; nothing was stored. 没有一条有效记录：逐条列出原因，未存储任何记录。")
        .ReturnsProblem(StatusCodes.Status400BadRequest,
            "The body is not UTF-8 JSON, or not an array. 请求体不是 UTF-8 JSON 或不是数组。")
        .ReturnsProblem(StatusCodes.Status413PayloadTooLarge,
            "The body is over 5 MiB or has more than 10,000 records: split the batch; nothing was stored. 请求体超过 5 MiB 或多于 10,000 条：请拆分，未存储任何记录。")
        .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, ApiAnswers.Unavailable);

    private static Task<Results<Ok<IngestResponse>, UnprocessableEntity<IngestResponse>, ProblemHttpResult>> IngestShipmentsAsync(
        HttpContext http, IngestionHandler handler) => handler.IngestShipmentsAsync(http, http.RequestAborted);

    private static Task<Results<Ok<IngestResponse>, UnprocessableEntity<IngestResponse>, ProblemHttpResult>> IngestInvoiceApplicationsAsync(
        HttpContext http, IngestionHandler handler) => handler.IngestInvoiceApplicationsAsync(http, http.RequestAborted);
}
