using System.Text.RegularExpressions;

namespace ChatPost.Bot.Dialogs.Routing;

/// <summary>
/// Cuts a folded message into the pieces that may each be a question of their own: at sentence punctuation and commas,
/// at a space between Chinese words (typed or spoken pauses), after a question's 吗 or 呢 when more follows, and before
/// the words that add a second question (还有, 另外, 顺便问一下…), which voice messages carry in place of punctuation.
/// </summary>
/// <remarks>
/// The pieces are raw: <see cref="CitizenRouter"/> decides which stand alone and joins a statement ("驾驶证到期了") to the
/// question it leads into. Spaces between letters and digits never cut, so "EB 111 222 332 CN" stays whole.
/// </remarks>
public static partial class ClauseSplitter
{
    /// <summary>The pieces of <paramref name="text"/> in order, trimmed, none empty; one piece when nothing cuts it.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Cut().Split(text).Select(piece => piece.Trim(' ', '，', ',', '、', '：', ':')).Where(piece => piece.Length > 0)];
    }

    // A cut is a separator (consumed) or a position (zero-width): before a connective, after 吗/呢 followed by more words.
    [GeneratedRegex("""
        [。？！?!；;\n\r，,]+
        |(?<=[\u4E00-\u9FFF])\s+(?=[\u4E00-\u9FFF])
        |(?<=[吗呢])(?=[\u4E00-\u9FFF]{2})
        |(?=还有(?!没)|另外|顺便问|顺便说|再问一下|再问下|还想问|我还想|以及)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Cut();
}
