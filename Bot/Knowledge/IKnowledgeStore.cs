using ChatPost.Bot.Audit;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// The knowledge base's storage: the current version of each entry, every entry's history (newest
/// <see cref="KnowledgeOptions.HistoryLength"/> versions), a revision counter that every write moves on, and the
/// knowledge area of the audit trail, all changed together.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>The revision counter: 0 while nothing was ever written (not even the seed).</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken);

    /// <summary>Every entry that is not deleted, with the revision they belong to, read consistently.</summary>
    Task<KnowledgeSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The entry's newest version, deletions included; null when the id was never written.</summary>
    Task<FaqEntryVersion?> GetLatestAsync(string id, CancellationToken cancellationToken);

    /// <summary>The entry's kept versions, newest first; empty when the id was never written.</summary>
    Task<IReadOnlyList<FaqEntryVersion>> GetHistoryAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores new versions and their audit lines atomically: all or nothing. Each version must be exactly one more
    /// than its entry's newest (1 for an id never written); otherwise nothing is written and the result names the
    /// entry that moved on. With <paramref name="onlyIfEmpty"/>, nothing is written once anything ever was (the seed,
    /// which several replicas may try at once).
    /// </summary>
    Task<KnowledgeWrite> WriteAsync(IReadOnlyList<FaqEntryVersion> versions, IReadOnlyList<AuditEntry> audit, bool onlyIfEmpty,
        CancellationToken cancellationToken);
}
