using ChatPost.Bot.Channels;
using ChatPost.Bot.Dialogs.Features.Faq;

namespace ChatPost.Bot.Knowledge;

public sealed partial class KnowledgeService
{
    /// <summary>The most entries one import may hold.</summary>
    public const int MaxImportEntries = 1000;

    /// <summary>
    /// Imports a document: each entry created, updated (a new <c>imported</c> version) or left as it is when it says the
    /// same; with <see cref="FaqDocument.Replace"/>, entries it does not list are deleted. All in one atomic write, or
    /// nothing when any entry is bad (the errors are keyed <c>entries[i].field</c>).
    /// </summary>
    public async Task<(FaqImportResult? Result, Dictionary<string, string[]> Errors)> ImportAsync(FaqDocument document, string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new Dictionary<string, string[]>();
        var entries = Check(document, errors);
        for (var attempt = 1; errors.Count == 0; attempt++)
        {
            var current = (await store.ReadAsync(cancellationToken)).Entries.Select(version => version.Entry).ToList();
            var kept = document.Replace == true ? [] : current.Where(entry => entries.All(imported => imported.Id != entry.Id)).ToList();
            CheckSharedQuestions(entries, kept, errors);
            if (errors.Count > 0)
            {
                break;
            }

            var (versions, result) = await PlanAsync(entries, current, document.Replace == true, actor, cancellationToken);
            if (versions.Count == 0)
            {
                return (result with { Revision = await store.GetRevisionAsync(cancellationToken) }, errors);
            }

            var write = await store.WriteAsync(versions, [.. versions.Select(version => AuditOf(version, ApiOrigin))], onlyIfEmpty: false, cancellationToken);
            if (write.Written)
            {
                await knowledge.RefreshAsync(cancellationToken);
                var who = UserIds.Mask(actor);
                logger.Imported(who, result.Created.Count, result.Updated.Count, result.Deleted.Count, result.Unchanged.Count);
                return (result with { Revision = write.Revision }, errors);
            }

            if (attempt == Attempts)
            {
                errors["entries"] = [$"Entry '{write.ConflictId}' changed during the import; try again."];
            }
        }

        logger.ChangeRefused("import", KnowledgeStatus.Invalid, string.Join(',', errors.Keys.Take(10)));
        return (null, errors);
    }

    private static List<FaqEntry> Check(FaqDocument document, Dictionary<string, string[]> errors)
    {
        if (document.Entries is not { Count: > 0 and <= MaxImportEntries } bodies)
        {
            errors["entries"] = [$"entries: 1 to {MaxImportEntries} entries."];
            return [];
        }

        var entries = new List<FaqEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bodies.Count; i++)
        {
            if (FaqEntryRules.Check(bodies[i], $"entries[{i}].", errors) is { } entry)
            {
                if (!ids.Add(entry.Id))
                {
                    errors[$"entries[{i}].id"] = [$"id '{entry.Id}' is listed twice."];
                }

                entries.Add(entry);
            }
        }

        return entries;
    }

    private static void CheckSharedQuestions(List<FaqEntry> entries, List<FaqEntry> kept, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (FaqEntryRules.SharedQuestion(entries[i], entries.Take(i).Concat(kept)) is { } shared)
            {
                errors[$"entries[{i}].questions"] = [$"questions: '{shared.Question}' is also a paraphrase of entry '{shared.OtherId}'."];
            }
        }
    }

    /// <summary>The versions an import writes, and what it will report.</summary>
    private async Task<(List<FaqEntryVersion> Versions, FaqImportResult Result)> PlanAsync(List<FaqEntry> entries, List<FaqEntry> current,
        bool replace, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var missing = replace ? current.Where(entry => entries.All(imported => imported.Id != entry.Id)).Select(entry => entry.Id) : [];
        var ids = entries.Select(entry => entry.Id).Concat(missing).ToList();
        var latest = await Task.WhenAll(ids.Select(id => store.GetLatestAsync(id, cancellationToken)));
        var versions = new List<FaqEntryVersion>();
        List<string> created = [], updated = [], deleted = [], unchanged = [];
        for (var i = 0; i < ids.Count; i++)
        {
            var previous = latest[i];
            if (i >= entries.Count)
            {
                deleted.Add(ids[i]);
                versions.Add(new FaqEntryVersion(ids[i], previous!.Version + 1, previous.Entry, FaqEntryVersion.Deleted, actor, now));
                continue;
            }

            var entry = entries[i];
            if (previous is { IsDeletion: false } && FaqEntryRules.SameContent(previous.Entry, entry))
            {
                unchanged.Add(entry.Id);
                continue;
            }

            (previous is null or { IsDeletion: true } ? created : updated).Add(entry.Id);
            versions.Add(new FaqEntryVersion(entry.Id, (previous?.Version ?? 0) + 1, entry, FaqEntryVersion.Imported, actor, now));
        }

        return (versions, new FaqImportResult(0, created, updated, deleted, unchanged));
    }
}
