using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

public static partial class RobotMessageSplitter
{
    private const string FontClose = "</font>";

    private enum CutKind
    {
        Plain,
        LineBreak,
        SentenceEnd,
        Space,
        Pause,
    }

    /// <param name="ChunkEnd">The part ends before this index.</param>
    /// <param name="RestStart">The rest starts here: after the line break or space that the cut drops.</param>
    /// <param name="Bytes">UTF-8 bytes of the part.</param>
    private readonly record struct Cut(int ChunkEnd, int RestStart, int Bytes, CutKind Kind);

    /// <param name="OpenEnd">For a font span: where its opening tag ends; otherwise -1.</param>
    private readonly record struct Span(int Start, int End, int OpenEnd)
    {
        public bool IsFont => OpenEnd >= 0;

        public bool Contains(int index) => Start < index && index < End;
    }

    /// <summary>The first part of <paramref name="text"/> (at most <paramref name="budget"/> bytes) and what follows.</summary>
    private static (string Chunk, string Next) TakePart(string text, int budget, bool markdown)
    {
        var cuts = Cuts(text, budget);
        if (cuts.Count == 0)
        {
            return CutBetweenRunes(text, budget);
        }

        var spans = ProtectedSpans(text, markdown, cuts[^1].RestStart);
        bool Outside(Cut cut) => !spans.Exists(span => span.Contains(cut.ChunkEnd) || span.Contains(cut.RestStart));

        if (Best(cuts, budget, Outside) is { } best)
        {
            return (text[..best.ChunkEnd], text[best.RestStart..]);
        }

        // Every cut falls inside one construct longer than a part.
        if (spans.Find(span => span.Contains(cuts[^1].ChunkEnd)) is { IsFont: true } font && CutFont(text, budget, cuts, font) is { } split)
        {
            return split;
        }

        return (text[..cuts[^1].ChunkEnd], text[cuts[^1].RestStart..]);
    }

    /// <summary>
    /// The best cut that is <paramref name="allowed"/>: a line break, a sentence end, a space or Chinese comma, any place, each in the
    /// second half of the budget; failing those, the last line break or place anywhere.
    /// </summary>
    private static Cut? Best(List<Cut> cuts, int budget, Func<Cut, bool> allowed)
    {
        var half = budget / 2;
        return Last(cuts, cut => cut.Kind == CutKind.LineBreak && cut.Bytes >= half && allowed(cut))
            ?? Last(cuts, cut => cut.Kind == CutKind.SentenceEnd && cut.Bytes >= half && allowed(cut))
            ?? Last(cuts, cut => cut.Kind is (CutKind.Space or CutKind.Pause) && cut.Bytes >= half && allowed(cut))
            ?? Last(cuts, cut => cut.Bytes >= half && allowed(cut))
            ?? Last(cuts, cut => cut.Kind == CutKind.LineBreak && allowed(cut))
            ?? Last(cuts, allowed);
    }

    private static Cut? Last(List<Cut> cuts, Func<Cut, bool> match)
    {
        for (var i = cuts.Count - 1; i >= 0; i--)
        {
            if (match(cuts[i]))
            {
                return cuts[i];
            }
        }

        return null;
    }

    /// <summary>Cuts inside a font span: the part closes the tag, and the rest opens it again.</summary>
    private static (string Chunk, string Next)? CutFont(string text, int budget, List<Cut> cuts, Span font)
    {
        var open = text[font.Start..font.OpenEnd];
        var openBytes = Encoding.UTF8.GetByteCount(open);
        var closeStart = font.End - FontClose.Length;
        var room = budget - FontClose.Length;
        var cut = Best(cuts, room, cut => cut.ChunkEnd > font.OpenEnd && cut.RestStart <= closeStart
                                           && cut.Bytes <= room && cut.Bytes > openBytes);
        return cut is { } inside ? (text[..inside.ChunkEnd] + FontClose, open + text[inside.RestStart..]) : null;
    }

    /// <summary>Every place between grapheme clusters where a part of at most <paramref name="budget"/> bytes can end.</summary>
    private static List<Cut> Cuts(string text, int budget)
    {
        var cuts = new List<Cut>();
        var bytes = 0;
        var previous = CutKind.Plain;
        for (var i = 0; i < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text, i);
            var element = text.AsSpan(i, length);
            var kind = KindOf(element);
            if (i > 0)
            {
                // Right after a line break or space, the cut that drops it is the same place, minus trailing blanks.
                if (previous is not (CutKind.LineBreak or CutKind.Space))
                {
                    cuts.Add(new Cut(i, i, bytes, CutKind.Plain));
                }

                if (kind is CutKind.LineBreak or CutKind.Space)
                {
                    cuts.Add(new Cut(i, i + length, bytes, kind));
                }
            }

            bytes += Encoding.UTF8.GetByteCount(element);
            if (bytes > budget)
            {
                break;
            }

            i += length;
            previous = kind;
            if (kind is CutKind.SentenceEnd or CutKind.Pause)
            {
                cuts.Add(new Cut(i, i, bytes, kind));
            }
        }

        return cuts;
    }

    private static CutKind KindOf(ReadOnlySpan<char> element) => element switch
    {
        "\n" or "\r\n" or "\r" => CutKind.LineBreak,
        " " or "\t" or "\u3000" => CutKind.Space,
        "，" or "、" or "：" => CutKind.Pause,
        "。" or "！" or "？" or "；" or "…" or "!" or "?" or ";" => CutKind.SentenceEnd,
        _ => CutKind.Plain,
    };

    /// <summary>For a single grapheme cluster longer than a part (a pile of combining marks): cut between code points.</summary>
    private static (string Chunk, string Next) CutBetweenRunes(string text, int budget)
    {
        var end = 0;
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return (text[..end], text[end..]);
    }

    /// <summary>The constructs a cut should not fall into, among those that start before <paramref name="before"/>.</summary>
    private static List<Span> ProtectedSpans(string text, bool markdown, int before)
    {
        var spans = new List<Span>();
        var pattern = markdown ? MarkdownConstruct() : Mention();
        foreach (var match in pattern.EnumerateMatches(text))
        {
            if (match.Index >= before)
            {
                break;
            }

            var isFont = text[match.Index] == '<' && text[match.Index + 1] != '@';
            var openEnd = isFont ? text.IndexOf('>', match.Index) + 1 : -1;
            spans.Add(new Span(match.Index, match.Index + match.Length, openEnd));
        }

        return spans;
    }

    [GeneratedRegex("<@[^>\\s]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    // Font spans may run over several lines; links, bold and inline code stay on one.
    [GeneratedRegex("<font\\b[^>]*>.*?</font>|<@[^>\\s]+>|\\[[^\\]\\n]*\\]\\([^)\\n]*\\)|\\*\\*[^\\n]+?\\*\\*|`[^`\\n]+`",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex MarkdownConstruct();
}
