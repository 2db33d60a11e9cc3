using System.ComponentModel;
using ChatPost.Bot.ApiDocs;
using ChatPost.Bot.Dialogs.Staff;
using ChatPost.Bot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatPost.Bot.Broadcasts;

/// <summary>The broadcast part of the admin API.</summary>
public static class BroadcastEndpoints
{
    /// <summary>
    /// The header that names the manager on whose behalf an admin-API broadcast is sent; then that manager's
    /// scope applies. Without it the call acts as the operator holding the admin key (province scope).
    /// </summary>
    public const string ManagerHeader = "X-ChatPost-Manager";

    /// <summary>Maps <c>POST /broadcasts</c> and <c>GET /broadcasts/{id}</c> on the admin group.</summary>
    public static RouteGroupBuilder MapBroadcastEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/broadcasts", SubmitAsync)
            .WithTags(Tag)
            .WithSummary("Send a broadcast 发送通报")
            .WithDescription($"""
                Sends a text or markdown message to the staff groups of some cities, some groups, or every group in scope, now
                or at `at` (within 30 days). The broadcast policy applies as in chat: without `{ManagerHeader}` the call acts
                as the operator holding the key (province scope); with it, on behalf of that manager, within their scope.
                Delivery is durable, 20 messages a minute per robot; follow it with the report.
                向若干城市、若干工作群或权限范围内的全部工作群发送文本或 Markdown，立即或在 `at`（30 天内）发送。与聊天中相同的
                广播权限策略：不带 `{ManagerHeader}` 时以密钥持有人（运维，全省范围）身份发送；带上则代表该管理人员，限其范围。
                投递持久可靠，每个群机器人每分钟 20 条；用送达报告跟踪。
                """)
            .Returns<BroadcastAccepted>(StatusCodes.Status202Accepted,
                "Accepted: its id, and `Location` of its report. 已受理：返回编号，`Location` 指向送达报告。")
            .ReturnsProblem(StatusCodes.Status400BadRequest,
                "A bad body: not JSON, a wrong type, an unknown field, neither or both of text and markdown, `at` not in the next 30 days. " +
                "请求体错误：非 JSON、类型错误、未知字段、text 与 markdown 未恰好给出一个、`at` 不在未来 30 天内。")
            .ReturnsProblem(StatusCodes.Status403Forbidden, ApiAnswers.Forbidden)
            .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, ApiAnswers.Unavailable)
            .AnswerStorageOutages(Unavailable)
            .WithExamples(BroadcastExamples.Submit);
        api.MapGet("/broadcasts/{id}", GetAsync)
            .WithTags(Tag)
            .WithSummary("A broadcast's delivery report 通报送达报告")
            .WithDescription("""
                The broadcast and its delivery to each group: pending, sent, or failed with the reason, the attempts, and whether
                a group may have received a part twice (an ambiguous timeout). Reports are kept 90 days.
                通报及其在每个工作群的投递情况：待发、已送达或失败（含原因）、尝试次数、是否可能重复收到。报告保留 90 天。
                """)
            .Returns<BroadcastReport>(StatusCodes.Status200OK, "The report. 送达报告。")
            .ReturnsProblem(StatusCodes.Status404NotFound,
                "No broadcast with this id (or older than 90 days). 没有该编号的通报（或已超过 90 天）。")
            .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, ApiAnswers.Unavailable)
            .AnswerStorageOutages(Unavailable)
            .WithExamples(BroadcastExamples.Report);
        return api;
    }

    private const string Tag = "Broadcasts 通报与广播";

    private const string Unavailable = "Storage is unavailable right now; send the same request again shortly (with the same idempotencyKey).";

    private static async Task<Results<Accepted<BroadcastAccepted>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        BroadcastBody body, [FromHeader(Name = ManagerHeader), Description("The UserID of the manager this call acts for (optional). 代表的管理人员 UserID（可选）。")] string? manager,
        BroadcastService broadcasts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(body, time.GetUtcNow()) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var submission = await broadcasts.SubmitAsync(new BroadcastRequest(string.IsNullOrEmpty(manager) ? null : manager, body.Text, body.Markdown,
            body.Cities ?? [], body.Groups ?? [], body.At, body.IdempotencyKey, Origin: "api"), cancellationToken);
        return submission.Accepted
            ? TypedResults.Accepted($"/api/broadcasts/{submission.Id}", new BroadcastAccepted(submission.Id!))
            : TypedResults.Problem(detail: submission.Refusal, statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<BroadcastReport>, NotFound>> GetAsync([Description("The broadcast's id, as the 202 gave it. 通报编号（受理时返回）。")] string id, IBroadcastStore store, StaffDirectory directory,
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
