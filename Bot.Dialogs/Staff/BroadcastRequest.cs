namespace ChatPost.Bot.Dialogs.Staff;

/// <summary>A manager's broadcast, from chat or the admin API, before it is authorised.</summary>
/// <param name="RequestedBy">The manager's UserID; null when the admin API was called without naming one (the operator holding the admin key).</param>
/// <param name="Cities">Send to the groups of these cities; with <paramref name="GroupIds"/> empty too, to every group in scope.</param>
/// <param name="At">When to send; null for now.</param>
/// <param name="Origin"><c>chat</c>, <c>api</c> or <c>console</c>, for the audit trail.</param>
public sealed record BroadcastRequest(
    string? RequestedBy,
    string? Text,
    string? Markdown,
    IReadOnlyList<string> Cities,
    IReadOnlyList<string> GroupIds,
    DateTimeOffset? At,
    string? IdempotencyKey,
    string Origin);
