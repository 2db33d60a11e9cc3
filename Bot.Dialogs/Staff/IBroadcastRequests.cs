namespace ChatPost.Bot.Dialogs.Staff;

/// <summary>Hands broadcasts to the host's durable delivery (a Redis stream), which authorises them first.</summary>
public interface IBroadcastRequests
{
    /// <summary>Authorises and accepts a broadcast; a repeated idempotency key returns the first submission.</summary>
    Task<BroadcastSubmission> SubmitAsync(BroadcastRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Records in the audit trail that <paramref name="actor"/> was refused something about a broadcast in chat (confirming
    /// another manager's draft, say), and why; <paramref name="reason"/> never holds message content.
    /// </summary>
    Task RecordRefusalAsync(string actor, string reason, CancellationToken cancellationToken);

    /// <summary>Cancels the manager's latest broadcast that is still scheduled; false when there is none.</summary>
    Task<bool> CancelLatestScheduledAsync(string managerId, CancellationToken cancellationToken);
}
