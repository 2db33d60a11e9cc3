using System.Buffers;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// The business line a folded message speaks of: the one whose word comes first. 资料 alone ("material", but also "the
/// papers you need") counts as study material only when no other line is named.
/// </summary>
internal static partial class BusinessRecognizer
{
    // Common pinyin-keyboard slips are listed with the words: 驾使证, 行使证 (shi), 发漂 (piao).
    private static readonly (Business Business, string[] Words)[] Lines =
    [
        (Business.License, ["驾驶证", "驾使证", "行驶证", "行使证", "驾照", "交管", "交警", "车管", "驾驶人", "机动车", "免检",
            "检验标志", "年检", "年审", "号牌", "车牌", "临牌", "换证", "补证", "行车本", "行车证", "驾驶本"]),
        (Business.Invoice, ["发票", "发漂", "税票", "开票", "专票", "普票", "增值税", "税务", "纳税", "税号"]),
        (Business.Textbook, ["教材", "课本", "教科书", "作业本", "书本", "新书", "学生用书"]),
        (Business.StudyMaterial, ["教辅", "辅导书", "练习册"]),
    ];

    // Every line's words in one set: the message is scanned once, and the line is told by the word found there.
    private static readonly SearchValues<string> AnyWord = SearchValues.Create([.. Lines.SelectMany(line => line.Words)], StringComparison.Ordinal);

    /// <summary>The business line named first in <paramref name="text"/>; null when none is.</summary>
    public static Business? Find(string text)
    {
        Business? first = null;
        var firstAt = int.MaxValue;
        if (text.AsSpan().IndexOfAny(AnyWord) is var at and >= 0)
        {
            Consider(LineAt(text.AsSpan(at)), at);
        }

        // 12123 is the traffic police app, but only as a number of its own, not inside an item number.
        Consider(Business.License, IndexOf(TrafficPoliceApp(), text));
        Consider(Business.Textbook, IndexOf(SchoolBooks(), text));
        return first ?? (text.Contains("资料", StringComparison.Ordinal) ? Business.StudyMaterial : null);

        void Consider(Business business, int at)
        {
            if (at >= 0 && at < firstAt)
            {
                (first, firstAt) = (business, at);
            }
        }
    }

    /// <summary>The line of the word <paramref name="text"/> starts with (no line's word begins another line's).</summary>
    private static Business LineAt(ReadOnlySpan<char> text)
    {
        foreach (var (business, words) in Lines)
        {
            foreach (var word in words)
            {
                if (text.StartsWith(word, StringComparison.Ordinal))
                {
                    return business;
                }
            }
        }

        throw new UnreachableException("The set holds the lines' words only.");
    }

    private static int IndexOf(Regex regex, string text)
    {
        foreach (var match in regex.EnumerateMatches(text))
        {
            return match.Index;
        }

        return -1;
    }

    [GeneratedRegex("(?<![0-9])12123(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex TrafficPoliceApp();

    /// <summary>书 alone is too wide (证书, 申请书, 通知书); books in a school's or a child's context, or of a school subject, are textbooks.</summary>
    [GeneratedRegex("(?:开学|学校|学生|孩子|小孩|年级|小学|初中|高中|网课|初[一二三]|高[一二三]).{0,6}(?<![证请议明知])书|(?:语文|数学|英语|物理|化学|生物|历史|地理|政治|道法|科学)(?:课本|书)",
        RegexOptions.CultureInvariant)]
    private static partial Regex SchoolBooks();
}
