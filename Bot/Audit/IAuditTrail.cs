namespace ChatPost.Bot.Audit;

/// <summary>
/// The one audit trail of the admin actions — broadcasts, the knowledge base, console sign-ins — read by
/// <c>GET /api/audit</c> and the console's 审计 page. It keeps its newest <see cref="AuditSearch.MaxEntries"/> lines.
/// Stores that change data write their line in the same atomic step as the change (on Redis, in the same script:
/// <see cref="RedisAuditTrail"/> says how); <see cref="AppendAsync"/> is for lines that stand alone (a refusal, a
/// completion, a sign-in).
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends one line.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> lines, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// The lines that meet <paramref name="query"/>, newest first, reading at most <see cref="AuditSearch.ScanLimit"/>
    /// lines; <see cref="AuditPage.Next"/> continues the search. An unknown <see cref="AuditQuery.After"/> finds nothing older.
    /// </summary>
    Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken);
}
