namespace ChatPost.Bot.Broadcasts;

/// <summary>One line of the audit trail: who did what to which broadcast, for whom, and when.</summary>
/// <param name="Actor">A manager's UserID, <c>admin-api</c> for the admin-key operator, or <c>system</c>.</param>
/// <param name="Action"><c>accepted</c>, <c>scheduled</c>, <c>cancelled</c>, <c>refused</c> or <c>completed</c>.</param>
/// <param name="Detail">The groups reached, or why it was refused; never message content.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? BroadcastId, string Origin, string Detail);
