namespace ChatPost.Bot.Announcements;

/// <summary>
/// Last year's deliveries of one business line in one city, for the year-over-year change.
/// An item of <c>Announcements:DailyProgress:Baselines</c>.
/// </summary>
public sealed class DailyProgressBaseline
{
    /// <summary>One of the seventeen cities, exactly as <c>Cities.All</c> spells it (for example <c>襄阳</c>). Required.</summary>
    public string City { get; set; } = "";

    /// <summary>The business line's wire name: <c>license</c>, <c>invoice</c>, <c>textbook</c>, <c>study-material</c> or <c>other</c>. Required.</summary>
    public string Business { get; set; } = "";

    /// <summary>Last year's average number of shipments delivered per day. Greater than 0.</summary>
    public double DeliveredPerDay { get; set; }
}
