using System.ComponentModel;
using System.Globalization;
using ChatPost.Bot.ApiDocs;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// The knowledge part of the admin API (<c>/api/faq</c>, contract). A change may name the version it was made from
/// with <c>If-Match: "3"</c> (the <c>ETag</c> of a read): 412 when the entry moved on. The header
/// <see cref="BroadcastEndpoints.ManagerHeader"/> names who makes the change (the audit's actor); without it, the
/// operator holding the key (<c>admin-api</c>).
/// </summary>
public static partial class KnowledgeEndpoints
{
    private const int MaxActorLength = 64;

    private const string Tag = "Knowledge 知识库";

    private const string IdMeaning = "The entry's id. 条目编号。";

    private const string ActorMeaning = "Who makes the change, for the audit trail (optional, at most 64 characters); without it, the operator holding the key. 修改人（记入审计，可选，最多 64 字）；不给则为密钥持有人。";

    private const string IfMatchMeaning = "The version the change is made from, as the ETag gave it (\"3\"), optional; 412 when the entry moved on. 基于哪个版本修改（ETag，如 \"3\"），可选；条目已更新时返回 412。";

    /// <summary>
    /// Maps <c>GET /faq</c>, <c>POST /faq</c>, <c>GET/PUT/DELETE /faq/{id}</c>, <c>POST /faq/{id}/revert</c>,
    /// <c>POST /faq/import</c>, <c>GET /faq/export</c>, <c>GET /faq/unanswered</c> and <c>POST /faq/explain</c> on the admin group, each describing itself for the API document.
    /// </summary>
    public static RouteGroupBuilder MapKnowledgeEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // A group without a prefix of its own: "/faq" itself is a route, and a "/faq" group would map it as "/faq/".
        var faq = api.MapGroup("").AnswerStorageOutages("The knowledge base cannot be reached right now; nothing was changed. Try again shortly.").WithTags(Tag);
        faq.MapGet("/faq", ListAsync)
            .WithSummary("Every knowledge entry 全部知识条目")
            .WithDescription("""
                Every entry that is not deleted (disabled ones too), by id, with its current version, and the knowledge base's revision.
                全部未删除的条目（含未启用的），按编号排序，附当前版本和知识库修订号。
                """)
            .Returns<FaqList>(StatusCodes.Status200OK, "The entries. 条目列表。")
            .WithExamples(KnowledgeExamples.List);
        faq.MapPost("/faq", CreateAsync)
            .WithSummary("Create a knowledge entry 新建知识条目")
            .WithDescription("""
                Creates an entry (version 1), or brings a deleted one back under its id (the next version). Every replica answers with it
                within about a second. Audited.
                新建条目（版本 1），或以原编号恢复已删除的条目（下一版本）。约一秒内所有副本生效。记入审计。
                """)
            .Returns<FaqEntryView>(StatusCodes.Status201Created, "Created; `Location` is the entry, `ETag` its version. 已新建；`Location` 指向条目，`ETag` 为版本号。")
            .ReturnsProblem(StatusCodes.Status400BadRequest, BadEntry)
            .ReturnsProblem(StatusCodes.Status409Conflict, "The id is taken by an entry that exists; change it with PUT. 编号已被现有条目占用；请用 PUT 修改。")
            .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, Unavailable)
            .WithExamples(KnowledgeExamples.Create);
        faq.MapGet("/faq/export", ExportAsync)
            .WithSummary("Export the knowledge base 导出知识库")
            .WithDescription("""
                The knowledge as one JSON document, which `POST /api/faq/import` takes back as it is or edited.
                整个知识库的 JSON 文档，可原样或修改后用 `POST /api/faq/import` 导入。
                """)
            .Returns<FaqDocument>(StatusCodes.Status200OK, "The document. 知识库文档。")
            .WithExamples(KnowledgeExamples.Export);
        faq.MapPost("/faq/import", ImportAsync)
            .WithSummary("Import knowledge entries 导入知识条目")
            .WithDescription("""
                Creates, updates (a new version where the content differs) or keeps each entry of the document, and with `replace`
                deletes the entries it does not list — all in one atomic write, audited entry by entry. The whole document is checked
                first: one bad entry and nothing is written.
                逐条新建、修改（内容不同才产生新版本）或保持不变；`replace` 时删除文档中没有的条目。一次原子写入，逐条记入审计。
                先整体检查，任一条有误则全部不写入。
                """)
            .Returns<FaqImportResult>(StatusCodes.Status200OK, "What the import did, by entry id. 导入结果（按条目编号）。")
            .ReturnsProblem(StatusCodes.Status400BadRequest,
                "A bad document or entry, each error keyed `entries[i].field`; nothing written. 文档或条目有误（以 `entries[i].字段` 指出）；未写入。")
            .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, Unavailable)
            .WithExamples(KnowledgeExamples.Import);
        faq.MapGet("/faq/{id}", GetAsync)
            .WithSummary("A knowledge entry and its versions 知识条目及其历史")
            .WithDescription("""
                Every kept version of the entry, newest first (the first is how it stands): who changed it, when, how, and the content. `ETag` is its version.
                条目保留的全部版本（新的在前，第一个即现状）：修改人、时间、方式和内容。`ETag` 为版本号。
                """)
            .Returns<FaqEntryHistory>(StatusCodes.Status200OK, "The entry and its versions. 条目及其历史版本。")
            .ReturnsProblem(StatusCodes.Status404NotFound, NeverWritten)
            .WithExamples(KnowledgeExamples.Get);
        faq.MapPut("/faq/{id}", UpdateAsync)
            .WithSummary("Change a knowledge entry 修改知识条目")
            .WithDescription("""
                Replaces the entry's content (the whole entry) as a new version; adding a paraphrase to an entry is such a change.
                Every replica answers with it within about a second. Audited.
                以新版本整体替换条目内容；为条目增加问法也是这样的修改。约一秒内所有副本生效。记入审计。
                """)
            .Returns<FaqEntryView>(StatusCodes.Status200OK, "The new version; `ETag` is its number. 新版本；`ETag` 为版本号。")
            .ReturnsProblem(StatusCodes.Status400BadRequest, BadEntry)
            .ReturnsProblem(StatusCodes.Status404NotFound, "No such entry, or it is deleted (revert it or create it again). 没有该条目或已删除（可回退或重新新建）。")
            .ReturnsProblem(StatusCodes.Status412PreconditionFailed, Stale)
            .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, Unavailable)
            .WithExamples(KnowledgeExamples.Update);
        faq.MapDelete("/faq/{id}", DeleteAsync)
            .WithSummary("Delete a knowledge entry 删除知识条目")
            .WithDescription("""
                Deletes the entry: a new version without content, so that a revert brings it back. Audited.
                删除条目：产生一个无内容的新版本，可回退恢复。记入审计。
                """)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status204NoContent)
            {
                Description = "Deleted: a new version without content, which a revert brings back. 已删除：产生新版本，可回退恢复。",
            })
            .ReturnsProblem(StatusCodes.Status404NotFound, "No such entry, or it is deleted already. 没有该条目或已删除。")
            .ReturnsProblem(StatusCodes.Status412PreconditionFailed, Stale)
            .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, Unavailable)
            .WithExamples(KnowledgeExamples.Delete);
        faq.MapPost("/faq/{id}/revert", RevertAsync)
            .WithSummary("Revert a knowledge entry 回退知识条目")
            .WithDescription("""
                Restores the content of a kept version as a new version; with `{}`, undoes the current version (a deletion brings the
                entry back). Audited.
                把某个保留版本的内容恢复为新版本；请求体为 `{}` 时撤销当前版本（删除则恢复条目）。记入审计。
                """)
            .Returns<FaqEntryView>(StatusCodes.Status200OK, "The new version. 新版本。")
            .ReturnsProblem(StatusCodes.Status400BadRequest, "The version is not kept. 该版本未保留。")
            .ReturnsProblem(StatusCodes.Status404NotFound, NeverWritten)
            .ReturnsProblem(StatusCodes.Status412PreconditionFailed, Stale)
            .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, Unavailable)
            .WithExamples(KnowledgeExamples.Revert);
        MapInsight(faq);
        return api;
    }

    private const string BadEntry =
        "A bad entry: each bad field named (an unknown field, a bad id, no or repeated paraphrases, a paraphrase another entry has, an empty or overlong answer, an unknown business or intent); nothing written. " +
        "条目有误，逐一指出字段（未知字段、编号格式、问法缺失或重复、与其他条目问法相同、回答为空或过长、业务线或意图未知）；未写入。";

    private const string NeverWritten = "No entry was ever written under this id. 该编号下从未有过条目。";

    private const string Stale = "`If-Match` names a version the entry has moved on from; nothing written. `If-Match` 的版本已过时；未写入。";

    private const string Unavailable = "The knowledge base cannot be reached; nothing was changed. Try again after `Retry-After` seconds. 知识库暂不可用，未做任何修改；请在 `Retry-After` 秒后重试。";

    private static async Task<Ok<FaqList>> ListAsync(IKnowledgeStore store, CancellationToken cancellationToken)
    {
        var snapshot = await store.ReadAsync(cancellationToken);
        return TypedResults.Ok(new FaqList(snapshot.Revision, [.. snapshot.Entries.OrderBy(version => version.Id, StringComparer.Ordinal).Select(FaqEntryView.From)]));
    }

    private static async Task<Results<Ok<FaqEntryHistory>, ProblemHttpResult>> GetAsync([Description(IdMeaning)] string id, IKnowledgeStore store,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var history = await store.GetHistoryAsync(id, cancellationToken);
        if (history.Count == 0)
        {
            return TypedResults.Problem(detail: $"No entry '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        response.Headers.ETag = ETag(history[0].Version);
        return TypedResults.Ok(new FaqEntryHistory(id, history[0].IsDeletion, [.. history.Select(FaqVersionView.From)]));
    }

    private static async Task<Results<Created<FaqEntryView>, ProblemHttpResult>> CreateAsync(FaqEntryBody body,
        [FromHeader(Name = BroadcastEndpoints.ManagerHeader), Description(ActorMeaning)] string? actor, HttpResponse response,
        KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        var (version, failure) = await ChangeAsync(actor, null, response, (who, _) => knowledge.CreateAsync(body, who, KnowledgeService.ApiOrigin, cancellationToken));
        return version is not null ? TypedResults.Created($"/api/faq/{version.Id}", FaqEntryView.From(version)) : failure!;
    }

    private static async Task<Results<Ok<FaqEntryView>, ProblemHttpResult>> UpdateAsync([Description(IdMeaning)] string id, FaqEntryBody body,
        [FromHeader(Name = BroadcastEndpoints.ManagerHeader), Description(ActorMeaning)] string? actor,
        [FromHeader(Name = "If-Match"), Description(IfMatchMeaning)] string? ifMatch, HttpResponse response, KnowledgeService knowledge,
        CancellationToken cancellationToken)
    {
        var (version, failure) = await ChangeAsync(actor, ifMatch, response, (who, expected) => knowledge.UpdateAsync(id, body, expected, who, KnowledgeService.ApiOrigin, cancellationToken));
        return version is not null ? TypedResults.Ok(FaqEntryView.From(version)) : failure!;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync([Description(IdMeaning)] string id,
        [FromHeader(Name = BroadcastEndpoints.ManagerHeader), Description(ActorMeaning)] string? actor,
        [FromHeader(Name = "If-Match"), Description(IfMatchMeaning)] string? ifMatch, HttpResponse response, KnowledgeService knowledge,
        CancellationToken cancellationToken)
    {
        var (version, failure) = await ChangeAsync(actor, ifMatch, response, (who, expected) => knowledge.DeleteAsync(id, expected, who, KnowledgeService.ApiOrigin, cancellationToken));
        return version is not null ? TypedResults.NoContent() : failure!;
    }

    private static async Task<Results<Ok<FaqEntryView>, ProblemHttpResult>> RevertAsync([Description(IdMeaning)] string id, FaqRevertBody body,
        [FromHeader(Name = BroadcastEndpoints.ManagerHeader), Description(ActorMeaning)] string? actor,
        [FromHeader(Name = "If-Match"), Description(IfMatchMeaning)] string? ifMatch, HttpResponse response, KnowledgeService knowledge,
        CancellationToken cancellationToken)
    {
        var (version, failure) = await ChangeAsync(actor, ifMatch, response,
            (who, expected) => knowledge.RevertAsync(id, body.Version, expected, who, KnowledgeService.ApiOrigin, cancellationToken));
        return version is not null ? TypedResults.Ok(FaqEntryView.From(version)) : failure!;
    }

    private static async Task<Results<Ok<FaqImportResult>, ProblemHttpResult>> ImportAsync(FaqDocument document,
        [FromHeader(Name = BroadcastEndpoints.ManagerHeader), Description(ActorMeaning)] string? actor, KnowledgeService knowledge,
        CancellationToken cancellationToken)
    {
        if (Actor(actor) is not { } who)
        {
            return ActorProblem();
        }

        var (result, errors) = await knowledge.ImportAsync(document, who, cancellationToken);
        return result is not null ? TypedResults.Ok(result) : ValidationProblem(errors);
    }

    private static async Task<Ok<FaqDocument>> ExportAsync(IKnowledgeStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshot = await store.ReadAsync(cancellationToken);
        var entries = snapshot.Entries.OrderBy(version => version.Id, StringComparer.Ordinal).Select(version => FaqEntryRules.ToBody(version.Entry));
        return TypedResults.Ok(new FaqDocument([.. entries], Revision: snapshot.Revision, ExportedAt: time.GetUtcNow()));
    }

    /// <summary>
    /// A change to one entry by <paramref name="actor"/> from the version <paramref name="ifMatch"/> names: the version
    /// written (its <c>ETag</c> set on the response), or the ProblemDetails that say why not.
    /// </summary>
    private static async Task<(FaqEntryVersion? Version, ProblemHttpResult? Failure)> ChangeAsync(string? actor, string? ifMatch, HttpResponse response,
        Func<string, int?, Task<KnowledgeResult>> change)
    {
        if (Actor(actor) is not { } who)
        {
            return (null, ActorProblem());
        }

        if (!TryReadVersion(ifMatch, out var expected))
        {
            return (null, ValidationProblem(new() { ["If-Match"] = ["If-Match: the entry's version, as its ETag gives it (\"3\")."] }));
        }

        var result = await change(who, expected);
        if (result.Version is { } version)
        {
            response.Headers.ETag = ETag(version.Version);
            return (version, null);
        }

        return (null, result.Errors is { } errors ? ValidationProblem(errors) : TypedResults.Problem(detail: result.Reason, statusCode: result.Status switch
        {
            KnowledgeStatus.NotFound => StatusCodes.Status404NotFound,
            KnowledgeStatus.Conflict => StatusCodes.Status409Conflict,
            KnowledgeStatus.Stale => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status400BadRequest,
        }));
    }

    private static ProblemHttpResult ValidationProblem(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest });

    /// <summary>Who makes the change: the named person, or the operator; null when the name is unusable.</summary>
    private static string? Actor(string? named)
    {
        named = named?.Trim() ?? "";
        return named.Length == 0 ? KnowledgeService.OperatorActor
            : named.Length <= MaxActorLength && !named.Any(char.IsControl) ? named
            : null;
    }

    private static ProblemHttpResult ActorProblem() => TypedResults.Problem(
        detail: $"{BroadcastEndpoints.ManagerHeader}: at most {MaxActorLength} characters, no control characters.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Reads <c>If-Match: "3"</c> (or <c>W/"3"</c>, <c>3</c>); absent or <c>*</c> is null. False when it is not a version.</summary>
    private static bool TryReadVersion(string? ifMatch, out int? version)
    {
        version = null;
        var header = ifMatch?.Trim() ?? "";
        if (header.Length == 0 || header == "*")
        {
            return true;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }

    private static string ETag(int version) => $"\"{version}\"";
}
