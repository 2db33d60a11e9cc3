namespace ChatPost.Bot.Announcements;

/// <summary>
/// How much of the city ranking a composed announcement carries. The composer drops detail in this order until
/// the text fits a group robot's 4096 bytes; the title, the province figures, the receiving city's line and the
/// highlights are never dropped.
/// </summary>
public enum DailyProgressDetail
{
    /// <summary>Each city's deliveries, change from the day before, and its business lines that delivered (as in the charts).</summary>
    Full,

    /// <summary>Each city's deliveries and change, without the business lines.</summary>
    WithoutCityLines,

    /// <summary>Each city's deliveries only.</summary>
    WithoutCityChanges,

    /// <summary>No city ranking: the highlights (top three, cities without deliveries) stand for it.</summary>
    WithoutRanking,
}
