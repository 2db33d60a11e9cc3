using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// One ingestion request, in order: API switched on (404), bearer key (401), body size (413), JSON array (400),
/// record count (413), records one by one, store, notifications of watched items queued, answer (200, or 422 when every
/// record was rejected).
/// </summary>
public sealed class IngestionHandler(IIngestionStore store, LateReplyOutbox outbox, TimeProvider time, ChatPostMetrics metrics,
    ILogger<IngestionHandler> logger)
{
    /// <summary>Handles <c>POST /api/ingest/shipments</c>.</summary>
    public Task<Results<Ok<IngestResponse>, UnprocessableEntity<IngestResponse>, ProblemHttpResult>> IngestShipmentsAsync(
        HttpContext http, CancellationToken cancellationToken) => IngestAsync(http, IngestKinds.Shipments, cancellationToken);

    /// <summary>Handles <c>POST /api/ingest/invoice-applications</c>.</summary>
    public Task<Results<Ok<IngestResponse>, UnprocessableEntity<IngestResponse>, ProblemHttpResult>> IngestInvoiceApplicationsAsync(
        HttpContext http, CancellationToken cancellationToken) => IngestAsync(http, IngestKinds.InvoiceApplications, cancellationToken);

    private async Task<Results<Ok<IngestResponse>, UnprocessableEntity<IngestResponse>, ProblemHttpResult>> IngestAsync<TDto, T>(
        HttpContext http, IngestKind<TDto, T> kind, CancellationToken cancellationToken)
        where TDto : class
        where T : class
    {
        ArgumentNullException.ThrowIfNull(http);
        using var body = await RequestBody.ReadAsync(http.Request, IngestLimits.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Reject(http, kind.Name, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {IngestLimits.MaxBodyBytes} bytes; split the batch");
        }

        var batch = IngestBatchParser.Parse(body.Bytes, kind, time.GetUtcNow(), out var problem);
        if (batch is null)
        {
            return Reject(http, kind.Name, problem.Status, problem.Detail);
        }

        if (await StoreAsync(kind, batch, cancellationToken) is not { } stored)
        {
            http.Response.Headers.RetryAfter = "10";
            return TypedResults.Problem(detail: "Storage is unavailable; send the batch again later", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var response = new IngestResponse(stored.Accepted, stored.Duplicates, [.. batch.Rejected.Select(rejection => new RejectedRecord(rejection.Index, rejection.Reason))]);
        return batch.Valid.Count == 0 && batch.Rejected.Count > 0 ? TypedResults.UnprocessableEntity(response) : TypedResults.Ok(response);
    }

    /// <summary>
    /// Stores a checked batch, whatever it was read from (the API's JSON, a spreadsheet in the console), counts it in the
    /// metrics and logs it (the first rejection's reason, never a value). Null when storage is unavailable: nothing of
    /// the batch is half-written, and sending it again is safe (writes are idempotent).
    /// </summary>
    internal async Task<StoreResult?> StoreAsync<TDto, T>(IngestKind<TDto, T> kind, ParsedBatch<T> batch, CancellationToken cancellationToken)
        where TDto : class
        where T : class
    {
        StoreResult stored;
        try
        {
            stored = batch.Valid.Count == 0 ? default : await kind.StoreAsync(store, batch.Valid, cancellationToken);
            // Before the answer: if this fails the sender sends the batch again, and the store names the watchers again.
            await Task.WhenAll((stored.Watched ?? []).Select(watched =>
                outbox.AddNoticesAsync(OfficialAccountChannel.Id, watched.Change, watched.Watchers, cancellationToken)));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.StoreUnavailable(kind.Name, batch.Valid.Count, exception);
            return null;
        }

        metrics.Ingested(kind.Name, stored.Accepted, stored.Duplicates, batch.Rejected.Count);
        if (batch.Rejected.Count == 0)
        {
            logger.BatchIngested(kind.Name, batch.Total, stored.Accepted, stored.Duplicates);
        }
        else
        {
            var first = batch.Rejected[0];
            logger.RecordsRejected(kind.Name, batch.Total, stored.Accepted, stored.Duplicates, batch.Rejected.Count, first.Index, first.Reason);
        }

        return stored;
    }

    private ProblemHttpResult Reject(HttpContext http, string kind, int status, string reason)
    {
        logger.RequestRejected(kind, status, reason, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Problem(detail: reason, statusCode: status);
    }
}
