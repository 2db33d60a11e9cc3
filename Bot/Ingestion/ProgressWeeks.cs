namespace ChatPost.Bot.Ingestion;

/// <summary>Weeks from Monday to Sunday, the unit that lets a long range of counters be read in a few pieces.</summary>
internal static class ProgressWeeks
{
    /// <summary>The Monday of <paramref name="day"/>'s week (day number 0, 0001-01-01, was a Monday).</summary>
    public static DateOnly Monday(DateOnly day) => DateOnly.FromDayNumber(day.DayNumber - (day.DayNumber % 7));

    /// <summary>
    /// Cuts <paramref name="firstDay"/>..<paramref name="lastDay"/> into whole weeks and the loose days at either end;
    /// nothing when the range is empty. Each piece is its first day and whether it is a whole week.
    /// </summary>
    public static IEnumerable<(DateOnly Start, bool IsWeek)> Pieces(DateOnly firstDay, DateOnly lastDay)
    {
        var day = firstDay;
        while (day <= lastDay)
        {
            if (day.DayNumber % 7 == 0 && day.AddDays(6) <= lastDay)
            {
                yield return (day, true);
                day = day.AddDays(7);
            }
            else
            {
                yield return (day, false);
                day = day.AddDays(1);
            }
        }
    }
}
