namespace ChatPost.Bot.Knowledge;

/// <summary>The outcome of a change to one entry, for the endpoint to answer.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Version">The version written (<see cref="KnowledgeStatus.Changed"/>, <see cref="KnowledgeStatus.Created"/>).</param>
/// <param name="Errors">Why the entry is bad, by field (<see cref="KnowledgeStatus.Invalid"/>).</param>
/// <param name="Reason">Why it was refused otherwise, in a sentence.</param>
public sealed record KnowledgeResult(KnowledgeStatus Status, FaqEntryVersion? Version = null, Dictionary<string, string[]>? Errors = null,
    string? Reason = null)
{
    public static KnowledgeResult Invalid(string field, string message) => new(KnowledgeStatus.Invalid, Errors: new() { [field] = [message] });
}

/// <summary>How a change to an entry ended.</summary>
public enum KnowledgeStatus
{
    /// <summary>Written as a new version of an existing entry (or a deletion).</summary>
    Changed,

    /// <summary>Written as a new entry (or a deleted one brought back).</summary>
    Created,

    /// <summary>No such entry (never written, or deleted for a change that needs it).</summary>
    NotFound,

    /// <summary>The entry is bad: nothing written.</summary>
    Invalid,

    /// <summary>The id is taken by an entry that exists: nothing written.</summary>
    Conflict,

    /// <summary>The entry moved on from the version the caller named (<c>If-Match</c>): nothing written.</summary>
    Stale,
}
