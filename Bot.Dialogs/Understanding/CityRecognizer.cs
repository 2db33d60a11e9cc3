using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>The first of the seventeen city branches (<see cref="Cities.All"/>) a folded message names.</summary>
/// <remarks>
/// A city is found by its short name, so the forms with a suffix come for free: 襄阳市, 恩施州, 恩施土家族苗族自治州,
/// 神农架林区. Traditional forms (襄陽, 荊州) are folded before this runs.
/// </remarks>
internal static class CityRecognizer
{
    /// <summary>The canonical name of the city that appears first in <paramref name="text"/>; null when none does.</summary>
    public static string? Find(string text)
    {
        string? first = null;
        var firstAt = int.MaxValue;
        foreach (var city in Cities.All)
        {
            var at = text.IndexOf(city, StringComparison.Ordinal);
            if (at >= 0 && at < firstAt)
            {
                (first, firstAt) = (city, at);
            }
        }

        return first;
    }
}
