using ChatPost.Bot.Audit;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Dialogs.Features.Faq;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// Every change to the knowledge base, whoever makes it (the admin API, the console's knowledge pages): checks the entry,
/// writes a new version with its audit line, and has this replica's index rebuilt at once (the others follow within
/// <see cref="KnowledgeOptions.RefreshInterval"/>).
/// </summary>
public sealed partial class KnowledgeService(IKnowledgeStore store, KnowledgeBase knowledge, TimeProvider time, ILogger<KnowledgeService> logger)
{
    /// <summary>The actor of changes the service makes itself (the seed).</summary>
    public const string SystemActor = "system";

    /// <summary>The actor of an admin-API call that names nobody.</summary>
    public const string OperatorActor = "admin-api";

    /// <summary>The audit trail's origin of a change made through the admin API.</summary>
    public const string ApiOrigin = "api";

    /// <summary>The audit trail's origin of a change made on the console's knowledge pages.</summary>
    public const string ConsoleOrigin = "console";

    // A change made between our read and our write (by another caller without If-Match) makes us read and try again.
    private const int Attempts = 3;

    /// <summary>Creates an entry, or brings a deleted one back under its id. Conflict when the id exists.</summary>
    public Task<KnowledgeResult> CreateAsync(FaqEntryBody body, string actor, string origin, CancellationToken cancellationToken) =>
        ChangeAsync("create", body?.Id?.Trim() ?? "", expectedVersion: null, actor, origin, (latest, _) =>
        {
            var errors = new Dictionary<string, string[]>();
            return Task.FromResult(FaqEntryRules.Check(body, "", errors) is not { } entry ? new KnowledgeResult(KnowledgeStatus.Invalid, Errors: errors)
                : latest is { IsDeletion: false } ? new KnowledgeResult(KnowledgeStatus.Conflict, Reason: $"Entry '{entry.Id}' exists; change it with PUT.")
                : Next(latest, entry, FaqEntryVersion.Created));
        }, cancellationToken);

    /// <summary>Replaces an existing entry's content. The body's id, when given, must be the entry's.</summary>
    public Task<KnowledgeResult> UpdateAsync(string id, FaqEntryBody body, int? expectedVersion, string actor, string origin, CancellationToken cancellationToken) =>
        ChangeAsync("update", id, expectedVersion, actor, origin, (latest, _) =>
        {
            if (latest is null or { IsDeletion: true })
            {
                return Task.FromResult(new KnowledgeResult(KnowledgeStatus.NotFound));
            }

            if (body?.Id is { } bodyId && bodyId.Trim() != id)
            {
                return Task.FromResult(KnowledgeResult.Invalid("id", "id: an entry's id cannot change; create a new entry and delete this one."));
            }

            var errors = new Dictionary<string, string[]>();
            return Task.FromResult(FaqEntryRules.Check(body is null ? null : body with { Id = id }, "", errors) is { } entry
                ? Next(latest, entry, FaqEntryVersion.Updated)
                : new KnowledgeResult(KnowledgeStatus.Invalid, Errors: errors));
        }, cancellationToken);

    /// <summary>Deletes an entry: a new version without content, so that it can be reverted.</summary>
    public Task<KnowledgeResult> DeleteAsync(string id, int? expectedVersion, string actor, string origin, CancellationToken cancellationToken) =>
        ChangeAsync("delete", id, expectedVersion, actor, origin, (latest, _) => Task.FromResult(latest is null or { IsDeletion: true }
            ? new KnowledgeResult(KnowledgeStatus.NotFound)
            : Next(latest, latest.Entry, FaqEntryVersion.Deleted)), cancellationToken);

    /// <summary>
    /// Restores the content of a kept <paramref name="version"/> as a new version (a deletion's content is what it
    /// deleted). Without one it undoes the current version: a deletion is undone by its own content, any other change by
    /// the newest earlier version that is not a deletion.
    /// </summary>
    public Task<KnowledgeResult> RevertAsync(string id, int? version, int? expectedVersion, string actor, string origin, CancellationToken cancellationToken) =>
        ChangeAsync("revert", id, expectedVersion, actor, origin, async (latest, token) =>
        {
            if (latest is null)
            {
                return new KnowledgeResult(KnowledgeStatus.NotFound);
            }

            var history = await store.GetHistoryAsync(id, token);
            var target = version is { } wanted ? history.FirstOrDefault(kept => kept.Version == wanted)
                : latest.IsDeletion ? latest
                : history.FirstOrDefault(kept => kept.Version < latest.Version && !kept.IsDeletion);
            return target is not null
                ? Next(latest, target.Entry, FaqEntryVersion.Reverted, target.Version)
                : KnowledgeResult.Invalid("version", version is null
                    ? "version: there is no earlier version to go back to."
                    : $"version: {version} is not kept (kept: {string.Join(", ", history.Select(kept => kept.Version))}).");
        }, cancellationToken);

    /// <summary>The next version of an entry whose newest is <paramref name="latest"/> (null: never written).</summary>
    private static KnowledgeResult Next(FaqEntryVersion? latest, FaqEntry entry, string change, int? revertedTo = null) =>
        new(latest is null or { IsDeletion: true } ? KnowledgeStatus.Created : KnowledgeStatus.Changed,
            new FaqEntryVersion(entry.Id, (latest?.Version ?? 0) + 1, entry, change, "", default, revertedTo));

    /// <summary>
    /// Reads the entry, lets <paramref name="decide"/> make its next version, refuses it when another enabled entry has
    /// one of its paraphrases, and writes it unless the entry moved on meanwhile: then 412 when the caller named a
    /// version (<c>If-Match</c>), otherwise it reads and tries again.
    /// </summary>
    private async Task<KnowledgeResult> ChangeAsync(string operation, string id, int? expectedVersion, string actor, string origin,
        Func<FaqEntryVersion?, CancellationToken, Task<KnowledgeResult>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var latest = FaqEntryRules.IsValidId(id) ? await store.GetLatestAsync(id, cancellationToken) : null;
            if (expectedVersion is { } expected && latest?.Version != expected)
            {
                return Refused(operation, new KnowledgeResult(latest is null ? KnowledgeStatus.NotFound : KnowledgeStatus.Stale,
                    Reason: $"Entry '{id}' is at version {latest?.Version ?? 0}, not {expected}."));
            }

            var result = await decide(latest, cancellationToken);
            if (result.Version is { IsDeletion: false } written
                && FaqEntryRules.SharedQuestion(written.Entry, (await store.ReadAsync(cancellationToken)).Entries.Select(kept => kept.Entry)) is { } shared)
            {
                result = KnowledgeResult.Invalid("questions", $"questions: '{shared.Question}' is already a paraphrase of entry '{shared.OtherId}'.");
            }

            if (result.Version is null)
            {
                return Refused(operation, result);
            }

            var version = result.Version with { ChangedBy = actor, ChangedAt = time.GetUtcNow() };
            var write = await store.WriteAsync([version], [AuditOf(version, origin)], onlyIfEmpty: false, cancellationToken);
            if (write.Written)
            {
                await knowledge.RefreshAsync(cancellationToken);
                var who = UserIds.Mask(actor);
                logger.EntryChanged(version.Id, version.Change, who, version.Version);
                return result with { Version = version };
            }

            if (expectedVersion is not null || attempt == Attempts)
            {
                return Refused(operation, new KnowledgeResult(KnowledgeStatus.Stale,
                    Reason: $"Entry '{id}' changed meanwhile (now version {write.ConflictVersion}); read it and try again."));
            }
        }
    }

    /// <summary>The audit trail's action for a change: <c>faq-</c> and the change (<c>faq-updated</c>), apart from other areas' actions.</summary>
    public static string AuditAction(string change) => "faq-" + change;

    private static AuditEntry AuditOf(FaqEntryVersion version, string origin) =>
        new(version.ChangedAt, version.ChangedBy, AuditArea.Knowledge, AuditAction(version.Change), version.Id, origin,
            version.RevertedTo is { } to ? $"version {version.Version}: content of version {to}" : $"version {version.Version}");

    private KnowledgeResult Refused(string operation, KnowledgeResult result)
    {
        // The fields, never the text: an entry's text is content.
        logger.ChangeRefused(operation, result.Status, string.Join(',', result.Errors?.Keys.AsEnumerable() ?? []));
        return result;
    }
}
