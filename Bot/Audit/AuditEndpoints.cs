using System.ComponentModel;
using ChatPost.Bot.ApiDocs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatPost.Bot.Audit;

/// <summary>The audit part of the admin API.</summary>
public static class AuditEndpoints
{
    private static readonly ApiExample[] Examples =
    [
        new("newestTwenty", StatusCodes.Status200OK, "The newest 20 lines. 最新 20 条。",
            Parameters: new Dictionary<string, string> { ["count"] = "20" }),
    ];

    /// <summary>Maps <c>GET /audit?count=100</c> (1 to 1,000 lines, newest first) on the admin group.</summary>
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/audit", ReadAsync)
            .WithTags("Audit 审计")
            .WithSummary("The audit trail 审计记录")
            .WithDescription("""
                The newest lines of the audit trail, newest first (`count`, 1 to 1,000, default 100): who accepted, scheduled,
                cancelled or was refused which broadcast, for which groups; who created, changed, deleted, reverted or imported
                which knowledge entry, to which version; console sign-ins. Never message content.
                最新的审计记录（新的在前，`count` 取 1–1,000，默认 100）：谁受理、定时、撤回或被拒绝了哪条通报、涉及哪些群；
                谁新建、修改、删除、回退或导入了哪个知识条目、成为哪个版本；控制台登录。从不包含消息内容。
                """)
            .Returns<IReadOnlyList<AuditEntry>>(StatusCodes.Status200OK, "The lines, newest first. 审计记录，新的在前。")
            .WithExamples(Examples);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> ReadAsync(IAuditTrail audit, CancellationToken cancellationToken,
        [Description("How many lines, 1 to 1,000. 条数，1–1,000。")] int count = 100) =>
        TypedResults.Ok(await audit.ReadAsync(Math.Clamp(count, 1, 1000), cancellationToken));
}
