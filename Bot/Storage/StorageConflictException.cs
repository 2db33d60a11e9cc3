namespace ChatPost.Bot.Storage;

/// <summary>
/// A state write lost a race: the item changed since it was read. Turns of one user run one at a time,
/// so this means that guarantee was broken (for example a turn outlived its lock); the turn fails rather
/// than overwrite newer state.
/// </summary>
public sealed class StorageConflictException(string key)
    : Exception($"The state item '{key}' changed since it was read (eTag conflict).")
{
    public string Key => key;
}
