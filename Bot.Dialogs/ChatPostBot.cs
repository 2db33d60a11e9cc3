using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Dialogs;

/// <summary>Routes a turn to the right dialog.</summary>
public sealed class ChatPostBot : ActivityHandler;
