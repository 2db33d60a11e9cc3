namespace ChatPost.Bot.Dialogs.Dialogs;

/// <summary>The dialogs the bot knows, by id.</summary>
public sealed class DialogSet(IEnumerable<Dialog> dialogs)
{
    private readonly Dictionary<string, Dialog> _byId = dialogs.ToDictionary(dialog => dialog.Id, StringComparer.Ordinal);

    /// <summary>The dialog with <paramref name="id"/>; null for an id that is no longer known (state from an older version).</summary>
    public Dialog? Find(string id) => _byId.GetValueOrDefault(id);
}
