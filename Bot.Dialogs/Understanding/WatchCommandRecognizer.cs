namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// Whether a folded message is only a notification command: a word for being told (提醒, 通知, 订阅), with a word that
/// stops it (取消, 不用, 别…) for <see cref="Intent.Unwatch"/>, or one that asks for the list (我的, 哪些, 查看…) for
/// <see cref="Intent.ListWatches"/>, else <see cref="Intent.Watch"/>; and nothing else but filler, punctuation and the
/// numbers (ASCII letters and digits) of the items meant. "短信提醒说已寄出，到哪了" asks something else, so it is not one.
/// </summary>
internal static class WatchCommandRecognizer
{
    private enum Part
    {
        Tell,
        Stop,
        List,
        Filler,
    }

    // Longest first across all parts: each position takes the first that matches, so 我的提醒 is a list, not 我 + 的 + 提醒.
    private static readonly (string Text, Part Part)[] Words = [.. new (string, Part)[]
    {
        ("提醒", Part.Tell), ("通知", Part.Tell), ("订阅", Part.Tell), ("告诉我", Part.Tell), ("告知", Part.Tell), ("说一声", Part.Tell),
        ("取消", Part.Stop), ("不用", Part.Stop), ("不要", Part.Stop), ("不必", Part.Stop), ("别", Part.Stop), ("关闭", Part.Stop),
        ("关掉", Part.Stop), ("停止", Part.Stop), ("不再", Part.Stop), ("退订", Part.Stop), ("不想", Part.Stop),
        ("我的", Part.List), ("哪些", Part.List), ("列表", Part.List), ("查看", Part.List), ("看看", Part.List), ("看一下", Part.List),
        ("清单", Part.List), ("几个", Part.List), ("什么", Part.List),
        ("有进展", Part.Filler), ("有新进展", Part.Filler), ("有消息", Part.Filler), ("有变化", Part.Filler), ("有动静", Part.Filler),
        ("到了", Part.Filler), ("送到", Part.Filler), ("寄到", Part.Filler), ("派送", Part.Filler), ("的时候", Part.Filler),
        ("开启", Part.Filler), ("打开", Part.Filler), ("设置", Part.Filler), ("需要", Part.Filler), ("麻烦", Part.Filler),
        ("帮我", Part.Filler), ("给我", Part.Filler), ("一下", Part.Filler), ("这个", Part.Filler), ("这件", Part.Filler),
        ("这些", Part.Filler), ("全部", Part.Filler), ("所有", Part.Filler), ("好的", Part.Filler), ("可以", Part.Filler),
        ("谢谢", Part.Filler), ("算了", Part.Filler), ("邮件", Part.Filler), ("快递", Part.Filler), ("发票", Part.Filler),
        ("申请", Part.Filler), ("单号", Part.Filler), ("已经", Part.Filler), ("有", Part.Filler),
        ("请", Part.Filler), ("我", Part.Filler), ("要", Part.Filler), ("想", Part.Filler), ("的", Part.Filler), ("吧", Part.Filler),
        ("了", Part.Filler), ("啦", Part.Filler), ("啊", Part.Filler), ("呀", Part.Filler), ("哈", Part.Filler), ("嗯", Part.Filler),
        ("哦", Part.Filler), ("好", Part.Filler), ("行", Part.Filler), ("那", Part.Filler), ("就", Part.Filler), ("都", Part.Filler),
        ("再", Part.Filler), ("下", Part.Filler), ("它", Part.Filler), ("您", Part.Filler), ("你", Part.Filler), ("时", Part.Filler),
        ("是", Part.Filler), ("和", Part.Filler), ("个", Part.Filler), ("件", Part.Filler), ("别忘了", Part.Filler),
        ("邮件号", Part.Filler), ("编号", Part.Filler), ("一声", Part.Filler), ("跟我", Part.Filler),
    }.OrderByDescending(word => word.Item1.Length)];

    /// <summary>The command <paramref name="text"/> is, or null when it is not only a command.</summary>
    public static Intent? Recognize(ReadOnlySpan<char> text)
    {
        var (tell, stop, list) = (false, false, false);
        while (!text.IsEmpty)
        {
            var length = 1;
            var c = text[0];
            if (!(char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsAsciiLetterOrDigit(c)))
            {
                var part = Match(text, out length);
                switch (part)
                {
                    case null:
                        return null;
                    case Part.Tell:
                        tell = true;
                        break;
                    case Part.Stop:
                        stop = true;
                        break;
                    case Part.List:
                        list = true;
                        break;
                }
            }

            text = text[length..];
        }

        return !tell ? null : stop ? Intent.Unwatch : list ? Intent.ListWatches : Intent.Watch;
    }

    private static Part? Match(ReadOnlySpan<char> text, out int length)
    {
        foreach (var (word, part) in Words)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                length = word.Length;
                return part;
            }
        }

        length = 0;
        return null;
    }
}
