using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// The first date a (folded) message mentions: 今天/今日, 明天/明日, 后天, 大后天, 昨天/昨日, 前天, 大前天, <c>3月4日</c> (or 号),
/// <c>2020年3月4日</c>, <c>2020-03-04</c> (or / or .), and <c>3.4</c> or <c>3/4</c> (month first, not before a unit
/// such as 元 or 公斤, so amounts are not dates). Impossible dates (2月30日) are skipped.
/// </summary>
internal static partial class DateRecognizer
{
    /// <summary>The first date of <paramref name="text"/>, relative to <paramref name="today"/>; null when none.</summary>
    /// <remarks>A month and day without a year are taken in the year that puts them nearest to today, so that on
    /// 2020-01-03 "12月30日" is four days ago rather than next December.</remarks>
    public static DateOnly? Find(string text, DateOnly today)
    {
        foreach (var match in Dates().EnumerateMatches(text))
        {
            var found = Read(text.AsSpan(match.Index, match.Length), today);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static DateOnly? Read(ReadOnlySpan<char> mention, DateOnly today)
    {
        int? offset = mention switch
        {
            "今天" or "今日" => 0,
            "明天" or "明日" => 1,
            "后天" => 2,
            "大后天" => 3,
            "昨天" or "昨日" => -1,
            "前天" => -2,
            "大前天" => -3,
            _ => null,
        };
        if (offset is { } days)
        {
            return today.AddDays(days);
        }

        Span<Range> parts = stackalloc Range[4];
        var count = mention.SplitAny(parts, "年月日号-/.", StringSplitOptions.RemoveEmptyEntries);
        var numbers = (stackalloc int[count]);
        for (var i = 0; i < count; i++)
        {
            numbers[i] = int.Parse(mention[parts[i]], NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return count == 3 ? Create(numbers[0], numbers[1], numbers[2]) : Nearest(numbers[0], numbers[1], today);
    }

    private static DateOnly? Nearest(int month, int day, DateOnly today)
    {
        DateOnly? best = null;
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (Create(year, month, day) is { } candidate
                && (best is null || Math.Abs(candidate.DayNumber - today.DayNumber) < Math.Abs(best.Value.DayNumber - today.DayNumber)))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    // Longest forms first: 大前天 before 前天, a year before a bare month.
    [GeneratedRegex("""
        大?前天|大?后天|今天|今日|明天|明日|昨天|昨日
        |(?<![0-9])(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}(?:日|号)?(?![0-9])
        |(?<![0-9])[0-9]{4}([-/.])[0-9]{1,2}\1[0-9]{1,2}(?![0-9])
        |(?<![0-9A-Za-z.])[0-9]{1,2}[./][0-9]{1,2}(?![0-9./]|\s*(?:元|块|角|万|千|百|%|公斤|斤|克|kg|g|米|m|岁|折|倍|个|寸))
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Dates();
}
