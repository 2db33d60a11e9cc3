using System.Buffers;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// Folds what citizens type into one script and one width, so that recognisers and search see one form:
/// Traditional characters become Simplified (郵件 → 邮件), full-width ASCII becomes half-width (ＥＡ１２３ → EA123,
/// ，？ → ,?) and the ideographic space becomes a space.
/// </summary>
/// <remarks>
/// The Traditional → Simplified part is a char → char table generated from ICU's Traditional-Simplified
/// transliterator (see ChineseScript.Table.cs for how), plus a few same-length phrase fixes where one character
/// needs its neighbour to be folded right (甚麼 → 什么, not 甚么). Every conversion keeps the length and every
/// index of the text, so positions found in the folded text are positions in the original.
/// </remarks>
public static partial class ChineseScript
{
    // ICU folds 著 to 着 char by char, which is right for 看著 but not for these Simplified words; 甚麼 is the
    // Traditional spelling of 什么. Each fix has the length of what it replaces, so indices are kept.
    private static readonly (string From, string To)[] PhraseFixes = [("甚么", "什么"), ("着名", "著名"), ("显着", "显著"), ("着作", "著作")];
    private static readonly SearchValues<char> PhraseStarts = SearchValues.Create("甚着显");
    private static readonly char[] Map = BuildMap();

    /// <summary>
    /// <paramref name="text"/> in Simplified script with full-width ASCII folded to half-width. Returns
    /// <paramref name="text"/> itself when nothing changes, so Simplified input costs no allocation. The result has the
    /// same length as the input. Characters without a Simplified form (Latin, digits, emoji, surrogate pairs,
    /// Chinese punctuation such as 。、) pass through unchanged. Folding twice gives the same result as folding once.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsFolding(text))
        {
            return text;
        }

        return string.Create(text.Length, text, static (folded, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                folded[i] = Map[source[i]];
            }

            FixPhrases(folded);
        });
    }

    /// <summary>The Simplified, half-width form of <paramref name="c"/>; <paramref name="c"/> itself when it has none.</summary>
    public static char ToSimplified(char c) => Map[c];

    private static bool NeedsFolding(string text)
    {
        foreach (var c in text)
        {
            if (Map[c] != c)
            {
                return true;
            }
        }

        return text.AsSpan().IndexOfAny(PhraseStarts) >= 0 && PhraseFixes.Any(fix => text.Contains(fix.From, StringComparison.Ordinal));
    }

    private static void FixPhrases(Span<char> text)
    {
        if (text.IndexOfAny(PhraseStarts) < 0)
        {
            return;
        }

        foreach (var (from, to) in PhraseFixes)
        {
            for (var at = text.IndexOf(from); at >= 0; at = text.IndexOf(from))
            {
                to.CopyTo(text[at..]);
            }
        }
    }

    private static char[] BuildMap()
    {
        var map = new char[char.MaxValue + 1];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = (char)c;
        }

        // U+FF01..U+FF5E are the full-width forms of ASCII ! .. ~, at a fixed offset.
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            map[c] = (char)(c - 0xFEE0);
        }

        map['\u3000'] = ' ';
        for (var i = 0; i < TraditionalChars.Length; i++)
        {
            map[TraditionalChars[i]] = SimplifiedChars[i];
        }

        return map;
    }
}
