namespace ChatPost.Bot.Audit;

/// <summary>
/// What the audit trail is searched for. Every condition is optional; a line must meet all that are given.
/// </summary>
/// <param name="Actor">Whose lines: the actor's id (a UserID, <c>admin-api</c>, <c>console-operator</c>, <c>system</c>, <c>anonymous</c>), any case.</param>
/// <param name="Action">Which action, exactly (<c>accepted</c>, <c>signed-in</c>, <c>imported</c>…).</param>
/// <param name="From">Lines written at or after this moment.</param>
/// <param name="Until">Lines written before this moment.</param>
/// <param name="After">
/// The <see cref="AuditPage.Next"/> of the page before: the search goes on with the lines older than it. Null starts
/// at the newest line.
/// </param>
/// <param name="Count">How many lines at most (1 to <see cref="AuditSearch.MaxCount"/>).</param>
public sealed record AuditQuery(string? Actor = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? Until = null,
    string? After = null, int Count = 100);

/// <summary>A page of audit lines, newest first.</summary>
/// <param name="Next">
/// Where the next page starts when the search stopped before the end of the trail (enough lines found, or
/// <see cref="AuditSearch.ScanLimit"/> lines read); null when there is nothing older to search.
/// </param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Next);

/// <summary>
/// The bounds of the audit trail and of one search of it, the same for Redis and the embedded twin: the trail keeps
/// its newest <see cref="MaxEntries"/> lines, and a search reads at most <see cref="ScanLimit"/> of them, newest
/// first, so that no filter makes it read the whole trail at once.
/// </summary>
public static class AuditSearch
{
    /// <summary>How many lines the trail keeps; older ones are dropped as new ones come.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>How many lines one search reads at most; <see cref="AuditPage.Next"/> then says where to go on.</summary>
    public const int ScanLimit = 5_000;

    /// <summary>Most lines on one page.</summary>
    public const int MaxCount = 500;

    /// <summary>
    /// Lines are written in time order, give or take the moments between making a line and writing it (a broadcast's
    /// creation and its audit line): a search for lines since <see cref="AuditQuery.From"/> reads this much further
    /// back before it stops.
    /// </summary>
    public static readonly TimeSpan OrderSlack = TimeSpan.FromMinutes(10);

    /// <summary>True when <paramref name="entry"/> meets every condition of <paramref name="query"/>.</summary>
    public static bool Matches(this AuditQuery query, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(entry);
        return (query.Actor is null || string.Equals(entry.Actor, query.Actor, StringComparison.OrdinalIgnoreCase))
            && (query.Action is null || entry.Action == query.Action)
            && (query.From is not { } from || entry.At >= from)
            && (query.Until is not { } until || entry.At < until);
    }

    /// <summary>True once the search has read past every line that could still be since <see cref="AuditQuery.From"/>.</summary>
    public static bool IsPastStart(this AuditQuery query, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(entry);
        return query.From is { } from && entry.At < from - OrderSlack;
    }
}
