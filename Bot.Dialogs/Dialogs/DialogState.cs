namespace ChatPost.Bot.Dialogs.Dialogs;

/// <summary>The dialog stack of one conversation, kept in ConversationState; the last entry is the active dialog.</summary>
public sealed record DialogState
{
    // An array, not a collection expression's hidden type: Bot Builder's MemoryStorage records runtime types.
    public DialogInstance[] Stack { get; init; } = [];

    public DialogInstance? Active => Stack.Length == 0 ? null : Stack[^1];
}
