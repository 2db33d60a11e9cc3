using System.Globalization;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Announcements;

public static partial class DailyProgressComposer
{
    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    private static readonly string[] ShortNames = ["证照", "发票", "教材", "教辅", "其他"];

    /// <summary>12,345: thousands separated by commas, whatever the machine's culture.</summary>
    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A change from the day before: <c>↑</c> in <c>info</c> (green) when up, <c>↓</c> in <c>warning</c> (orange)
    /// when down, 持平 in <c>comment</c> (grey) when equal. The percentage is left out when the day before had
    /// nothing; <paramref name="withCount"/> shows the count of the change too.
    /// </summary>
    internal static string Change(long delta, double? percent, bool withCount)
    {
        if (delta == 0)
        {
            return "<font color=\"comment\">持平</font>";
        }

        var size = Count(Math.Abs(delta));
        var body = (percent, withCount) switch
        {
            (null, _) => size,
            ({ } p, true) => $"{size}（{Percent(p)}）",
            ({ } p, false) => Percent(p),
        };
        return delta > 0 ? $"<font color=\"info\">↑{body}</font>" : $"<font color=\"warning\">↓{body}</font>";
    }

    /// <summary>Year over year: <c>↑12.5%</c> (info), <c>↓3.0%</c> (warning), or 持平 when it rounds to 0.0%.</summary>
    internal static string YearOverYear(double percent)
    {
        var size = Percent(percent);
        return size == "0.0%"
            ? "<font color=\"comment\">持平</font>"
            : percent > 0 ? $"<font color=\"info\">↑{size}</font>" : $"<font color=\"warning\">↓{size}</font>";
    }

    /// <summary>The size of a percentage with one decimal: 12.5%.</summary>
    private static string Percent(double percent) => Math.Abs(percent).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>2020年3月4日</summary>
    internal static string LongDate(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>3月4日</summary>
    internal static string ShortDate(DateOnly day) => $"{day.Month}月{day.Day}日";

    internal static string Weekday(DateOnly day) => Weekdays[(int)day.DayOfWeek];

    private static string ShortName(Business business) => ShortNames[(int)business];
}
