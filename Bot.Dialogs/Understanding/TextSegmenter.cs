using System.Diagnostics.CodeAnalysis;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// Cuts text into the terms a BM25 index of FAQ answers uses, the same way for the answers and for the questions:
/// overlapping character bigrams of each run of Chinese characters (邮寄发票 → 邮寄, 寄发, 发票), the character itself for
/// a run of one, and each run of ASCII letters and digits as one lower-case word (EMS, 12123).
/// </summary>
/// <remarks>
/// This is the approach of Lucene's CJK analyzer rather than a dictionary segmenter. jieba.NET was measured and left
/// out: its dictionary takes about 400 ms to load and adds about 95 MB of resident memory at load (65 MB after a full
/// compacting collection), a third of the service's 200 MB budget, while FAQ questions are short and bigrams match
/// them about as well. The text is folded first (<see cref="ChineseScript.ToSimplified(string)"/>), so Traditional
/// and full-width input gives the same terms.
/// </remarks>
public sealed class TextSegmenter
{
    /// <summary>The terms of <paramref name="text"/> in order, repeats kept (BM25 counts them); empty when it has no letters,
    /// digits or Chinese characters. Punctuation, spaces and symbols separate terms and are dropped.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Taken by injection so that a dictionary segmenter can replace it without touching the index.")]
    public IReadOnlyList<string> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = ChineseScript.ToSimplified(text).AsSpan();
        var terms = new List<string>();
        var i = 0;
        while (i < folded.Length)
        {
            var run = RunLength(folded[i..], out var isChinese);
            if (run == 0)
            {
                i++;
                continue;
            }

            var part = folded.Slice(i, run);
            if (!isChinese)
            {
                terms.Add(part.ToString().ToLowerInvariant());
            }
            else if (run == 1)
            {
                terms.Add(part.ToString());
            }
            else
            {
                for (var k = 0; k + 1 < run; k++)
                {
                    terms.Add(part.Slice(k, 2).ToString());
                }
            }

            i += run;
        }

        return terms;
    }

    /// <summary>The length of the run of ASCII letters and digits, or of Chinese characters, that starts <paramref name="text"/>; 0 when it starts with neither.</summary>
    private static int RunLength(ReadOnlySpan<char> text, out bool isChinese)
    {
        isChinese = IsChinese(text[0]);
        var ascii = char.IsAsciiLetterOrDigit(text[0]);
        if (!isChinese && !ascii)
        {
            return 0;
        }

        var length = 1;
        while (length < text.Length && (isChinese ? IsChinese(text[length]) : char.IsAsciiLetterOrDigit(text[length])))
        {
            length++;
        }

        return length;
    }

    /// <summary>CJK Unified Ideographs and Extension A: the characters of Chinese words (not punctuation such as 。、).</summary>
    private static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
