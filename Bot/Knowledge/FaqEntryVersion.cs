using ChatPost.Bot.Dialogs.Features.Faq;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// One version of a knowledge entry: what it said after a change, who made the change and when. Versions of an entry
/// are numbered from 1 and never reused, through deletions and re-creations alike.
/// </summary>
/// <param name="Id">The entry's id.</param>
/// <param name="Version">1 for the first version, one more for each change.</param>
/// <param name="Entry">The entry as this version left it; for a deletion, the content it deleted (which a revert to it restores).</param>
/// <param name="Change">What made it: <c>seeded</c>, <c>created</c>, <c>updated</c>, <c>deleted</c>, <c>reverted</c> or <c>imported</c>.</param>
/// <param name="ChangedBy">Who: a person's name or UserID as the caller gave it, <c>admin-api</c>, or <c>system</c> for the seed.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="RevertedTo">For a revert, the version whose content it restored; otherwise null.</param>
public sealed record FaqEntryVersion(string Id, int Version, FaqEntry Entry, string Change, string ChangedBy, DateTimeOffset ChangedAt, int? RevertedTo = null)
{
    public const string Seeded = "seeded";
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Reverted = "reverted";
    public const string Imported = "imported";

    /// <summary>True when this version deleted the entry.</summary>
    public bool IsDeletion => Change == Deleted;
}
