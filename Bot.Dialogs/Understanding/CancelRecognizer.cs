namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// Whether a folded message only says "stop": 算了, 取消, 不查了, 退出 and the like, with nothing else but filler words
/// (那, 我, 吧, 了, 好的, 谢谢) and punctuation. "算了我找人工" or "取消发票申请怎么弄" ask for something, so they are not.
/// </summary>
internal static class CancelRecognizer
{
    // Longest first: each position takes the first phrase that matches.
    private static readonly string[] Stops =
    [
        "不想查了", "不需要了", "先不查了", "不用查了", "不查了", "不用了", "不要了", "没事了", "不办了", "不问了", "不弄了",
        "算了", "取消", "退出", "结束", "停止", "返回", "再见", "拜拜", "不查", "不用", "没事", "cancel", "quit", "exit", "bye",
    ];

    private static readonly string[] Fillers = ["谢谢", "谢了", "好的", "还是", "那", "就", "先", "我", "吧", "了", "啦", "啊", "呀", "哈", "嗯", "哦", "好", "ok"];

    /// <summary>True when <paramref name="text"/> holds at least one stop phrase and nothing else but filler.</summary>
    public static bool IsCancel(ReadOnlySpan<char> text)
    {
        var sawStop = false;
        while (!text.IsEmpty)
        {
            int length;
            if (char.IsWhiteSpace(text[0]) || char.IsPunctuation(text[0]) || char.IsSymbol(text[0]))
            {
                length = 1;
            }
            else if ((length = MatchLength(text, Stops)) > 0)
            {
                sawStop = true;
            }
            else if ((length = MatchLength(text, Fillers)) == 0)
            {
                return false;
            }

            text = text[length..];
        }

        return sawStop;
    }

    private static int MatchLength(ReadOnlySpan<char> text, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return phrase.Length;
            }
        }

        return 0;
    }
}
