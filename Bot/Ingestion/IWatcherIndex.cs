using ChatPost.Bot.Dialogs.Features.Notifications;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// Who watches an item, for the embedded ingestion store (the Redis scripts read the item's watcher set themselves).
/// Implemented by the embedded notification records.
/// </summary>
public interface IWatcherIndex
{
    /// <summary>The users who watch <paramref name="item"/>; empty when nobody does.</summary>
    IReadOnlyList<string> WatchersOf(WatchedItem item);
}
