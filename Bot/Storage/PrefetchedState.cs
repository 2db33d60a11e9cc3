using System.Collections.Concurrent;

namespace ChatPost.Bot.Storage;

/// <summary>
/// Conversation state that <see cref="RedisTurnGate"/> read on a turn's way in, waiting for that turn's first read
/// through <see cref="RedisStorage"/>, which then needs no round trip of its own. Each item is served once and
/// forgotten when the turn's lock is released, so it can never be served to a later turn. While the user's turn
/// lock is held no one else writes that state, so the item is as current as a read at that moment would be.
/// </summary>
public sealed class PrefetchedState
{
    private readonly ConcurrentDictionary<string, Item> _items = new(StringComparer.Ordinal);

    /// <summary>What was stored under a key: its eTag and JSON, both null when nothing was.</summary>
    public readonly record struct Item(string? ETag, string? Json);

    public int Count => _items.Count;

    public void Put(string storageKey, Item item) => _items[storageKey] = item;

    public bool TryTake(string storageKey, out Item item) => _items.TryRemove(storageKey, out item);

    public void Forget(string storageKey) => _items.TryRemove(storageKey, out _);
}
