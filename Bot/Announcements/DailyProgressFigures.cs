using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// The figures of one report day, computed from the progress counters (<see cref="DailyProgressCalculator"/>).
/// Values only: formatting belongs to the composer and the chart renderer.
/// </summary>
/// <param name="ReportDay">The day D reported, in China.</param>
/// <param name="CampaignStart">First day of the cumulative figures.</param>
/// <param name="Province">Province totals per business line, in <see cref="Business"/> order: every line, even when zero.</param>
/// <param name="ProvinceTotal">All lines of the province summed.</param>
/// <param name="Cities">Every one of the seventeen cities, in <see cref="Dialogs.Postal.Cities.All"/> order, even when zero.</param>
/// <param name="Ranking">Every city by deliveries on D, most first.</param>
/// <param name="TopCities">The cities ranked 1 to 3 that delivered anything on D (more than three on a tie, fewer on a quiet day).</param>
/// <param name="CitiesWithoutDeliveries">The cities that delivered nothing on D, in the customary order.</param>
public sealed record DailyProgressFigures(
    DateOnly ReportDay,
    DateOnly CampaignStart,
    IReadOnlyList<BusinessProgress> Province,
    ProgressLine ProvinceTotal,
    IReadOnlyList<CityProgress> Cities,
    IReadOnlyList<CityRank> Ranking,
    IReadOnlyList<CityRank> TopCities,
    IReadOnlyList<string> CitiesWithoutDeliveries)
{
    /// <summary>The rank of <paramref name="city"/>; null when it is not one of the seventeen.</summary>
    public CityRank? FindRank(string? city) => Ranking.FirstOrDefault(rank => string.Equals(rank.City.City, city, StringComparison.Ordinal));
}
