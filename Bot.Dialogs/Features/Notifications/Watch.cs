namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>A citizen's watch on one item, as <see cref="IItemWatches.ListAsync"/> shows it.</summary>
/// <param name="Told">The item's state the citizen last saw or was told of.</param>
/// <param name="Until">When the watch ends by itself if the item has not arrived by then.</param>
public sealed record Watch(WatchedItem Item, ItemState Told, DateTimeOffset Until);

/// <summary>What became of a request to watch an item.</summary>
public enum WatchOutcome
{
    /// <summary>The item is watched from now on.</summary>
    Added,

    /// <summary>It was watched already; nothing changed.</summary>
    AlreadyWatching,

    /// <summary>The citizen watches as many items as allowed; nothing changed.</summary>
    LimitReached,

    /// <summary>The user cannot be told of a change (the console's sandbox user, who has no WeChat account); nothing kept.</summary>
    Unreachable,
}
