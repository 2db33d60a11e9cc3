using ChatPost.Bot.Dialogs.Features.Notifications;

namespace ChatPost.Bot.Notifications;

/// <summary>
/// Where <see cref="WatchStore"/> keeps users' records (<see cref="UserWatches"/>), the index of each item's watchers and
/// the last offers: Redis (<see cref="RedisWatchRecords"/>) or, in the embedded mode, this process (<see cref="MemoryWatchRecords"/>).
/// </summary>
internal interface IWatchRecords
{
    /// <summary>
    /// Reads the user's record, lets <paramref name="change"/> work on it and writes what it changed, atomically: when the record
    /// changed meanwhile, it is read and <paramref name="change"/> run again. A record left without watches is deleted.
    /// </summary>
    Task<T> UpdateAsync<T>(string userId, Func<UserWatches, T> change, CancellationToken cancellationToken);

    /// <summary>The user's record as it is now; an empty one when there is none.</summary>
    Task<UserWatches> ReadAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes the user's record and offer.</summary>
    Task DeleteAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Adds the user to the item's watchers (sent without waiting for the answer where the store can).</summary>
    Task IndexAsync(WatchedItem item, string userId, CancellationToken cancellationToken);

    /// <summary>Removes the users from the item's watchers.</summary>
    Task UnindexAsync(WatchedItem item, IReadOnlyList<string> userIds, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="offer"/> for the user for <paramref name="lifetime"/>, replacing the last (without waiting where it can).</summary>
    Task SetOfferAsync(string userId, string offer, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>The user's offer, or null when there is none (any more).</summary>
    Task<string?> GetOfferAsync(string userId, CancellationToken cancellationToken);
}
