namespace ChatPost.Bot.Dialogs.Features.Greeting;

/// <summary>Recognises a greeting: a short message that is only a hello.</summary>
public static class GreetingRecognizer
{
    private static readonly string[] Greetings = ["你好", "您好", "在吗", "在么", "在不在", "hello", "hi", "哈喽", "嗨", "早上好", "下午好", "晚上好"];

    /// <summary>True for messages like "你好", "您好！", "在吗?" — a greeting with at most a little punctuation around it.</summary>
    public static bool IsGreeting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var core = text.Trim().TrimEnd('!', '！', '?', '？', '~', '～', '。', '.', ' ');
        return core.Length <= 8 && Greetings.Any(greeting => core.StartsWith(greeting, StringComparison.OrdinalIgnoreCase)
            && core.Length - greeting.Length <= 2);
    }
}
