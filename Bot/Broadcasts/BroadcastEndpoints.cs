using ChatPost.Bot.Dialogs.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatPost.Bot.Broadcasts;

/// <summary>The broadcast part of the admin API.</summary>
public static class BroadcastEndpoints
{
    /// <summary>
    /// The header that names the manager on whose behalf an admin-API broadcast is sent; then that manager's
    /// scope applies. Without it the call acts as the operator holding the admin key (province scope).
    /// </summary>
    public const string ManagerHeader = "X-ChatPost-Manager";


    /// <summary>Maps <c>POST /broadcasts</c>, <c>GET /broadcasts/{id}</c> and <c>GET /audit</c> on the admin group.</summary>
    public static RouteGroupBuilder MapBroadcastEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/broadcasts", SubmitAsync);
        api.MapGet("/broadcasts/{id}", GetAsync);
        api.MapGet("/audit", ReadAuditAsync);
        return api;
    }

    private static async Task<Results<Accepted<BroadcastAccepted>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        BroadcastBody body, HttpRequest request, BroadcastService broadcasts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(body, time.GetUtcNow()) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var manager = request.Headers[ManagerHeader].ToString();
        var submission = await broadcasts.SubmitAsync(new BroadcastRequest(manager.Length == 0 ? null : manager, body.Text, body.Markdown,
            body.Cities ?? [], body.Groups ?? [], body.At, body.IdempotencyKey, Origin: "api"), cancellationToken);
        return submission.Accepted
            ? TypedResults.Accepted($"/api/broadcasts/{submission.Id}", new BroadcastAccepted(submission.Id!))
            : TypedResults.Problem(detail: submission.Refusal, statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<BroadcastReport>, NotFound>> GetAsync(string id, IBroadcastStore store, StaffDirectory directory,
        CancellationToken cancellationToken)
    {
        var broadcast = await store.GetAsync(id, cancellationToken);
        var state = await store.GetStateAsync(id, cancellationToken);
        if (broadcast is null || state is null)
        {
            return TypedResults.NotFound();
        }

        var deliveries = await store.GetDeliveriesAsync(id, cancellationToken);
        return TypedResults.Ok(BroadcastReport.From(broadcast, state.Value, deliveries, directory));
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> ReadAuditAsync(IBroadcastStore store, CancellationToken cancellationToken, int count = 100) =>
        TypedResults.Ok(await store.ReadAuditAsync(Math.Clamp(count, 1, 1000), cancellationToken));

    private static Dictionary<string, string[]> Validate(BroadcastBody body, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Text) == string.IsNullOrWhiteSpace(body.Markdown))
        {
            errors["text"] = ["Give exactly one of text and markdown."];
        }

        if (body.At is { } at && (at <= now || at - now > BroadcastService.LongestSchedule))
        {
            errors["at"] = ["at must be in the future and within 30 days."];
        }

        return errors;
    }
}
