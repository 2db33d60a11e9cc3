namespace ChatPost.Bot.Dialogs.Features.Greeting;

/// <summary>Recognises a request for the menu itself: "菜单", "帮助", "help", "?".</summary>
public static class MenuRequest
{
    private static readonly string[] Words = ["菜单", "帮助", "功能", "help", "menu", "?", "？", "你能做什么", "你会什么"];

    /// <summary>True when the whole message (trimmed, any case) is one of the menu words.</summary>
    public static bool Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var core = text.Trim().TrimEnd('。', '!', '！');
        return Words.Any(word => string.Equals(core, word, StringComparison.OrdinalIgnoreCase));
    }
}
