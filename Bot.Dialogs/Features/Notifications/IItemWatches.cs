namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>
/// The items citizens watch, by user (an OpenID): a watch holds the user and the item only, and ends when the item is
/// delivered or returned, after a lifetime, when cancelled, or when the user unfollows. Implemented by the host over
/// Redis (shared by replicas) or in memory; the host also sends the notifications.
/// </summary>
public interface IItemWatches
{
    /// <summary>
    /// Remembers the items an answer just offered to watch, replacing an earlier offer, for a bare <c>提醒</c> that follows.
    /// Best effort and cheap: an implementation may send it without waiting, and an offer lost is only asked for again.
    /// </summary>
    Task OfferAsync(string userId, IReadOnlyList<WatchedItem> items, CancellationToken cancellationToken);

    /// <summary>The items last offered to <paramref name="userId"/> a short while ago; empty when none.</summary>
    Task<IReadOnlyList<WatchedItem>> GetOfferAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Watches <paramref name="item"/>, which the user has just seen in state <paramref name="current"/>.</summary>
    Task<WatchOutcome> AddAsync(string userId, WatchedItem item, ItemState current, CancellationToken cancellationToken);

    /// <summary>The user's live watches, oldest first; empty when none.</summary>
    Task<IReadOnlyList<Watch>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Ends the watch on <paramref name="item"/>, or every watch when it is null. Returns how many ended.</summary>
    Task<int> RemoveAsync(string userId, WatchedItem? item, CancellationToken cancellationToken);

    /// <summary>Deletes everything kept for the user's notifications (they unfollowed): watches, offers, pending notices.</summary>
    Task ForgetUserAsync(string userId, CancellationToken cancellationToken);
}
