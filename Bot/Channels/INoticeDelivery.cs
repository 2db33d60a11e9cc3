namespace ChatPost.Bot.Channels;

/// <summary>
/// Delivers the notifications that wait in the <see cref="LateReplyOutbox"/> (its items without a reply), for
/// <see cref="LateReplyWorker"/>: implemented by the notifications feature, which knows WeChat's rules for reaching a user.
/// </summary>
public interface INoticeDelivery
{
    /// <summary>
    /// Delivers the notification of outbox item <paramref name="itemId"/> (which stays the same when the item is tried again).
    /// True when done with it: sent, kept for the user's next message, or given up; false to try it again after the retry time.
    /// </summary>
    Task<bool> DeliverAsync(LateReply notice, string itemId, CancellationToken cancellationToken);
}
