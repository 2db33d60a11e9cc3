using System.Collections.Frozen;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Announcements;

/// <summary>Turns the counter rows of three periods into <see cref="DailyProgressFigures"/>. Pure.</summary>
public static class DailyProgressCalculator
{
    private static readonly Business[] Businesses = Enum.GetValues<Business>();

    private static readonly FrozenDictionary<string, int> CityIndex =
        Cities.All.Select((city, index) => KeyValuePair.Create(city, index)).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The figures of <paramref name="reportDay"/> (D). Rows of other statuses than accepted and delivered are not
    /// used; rows of a city outside the seventeen are ignored (ingestion refuses them); several rows for one city,
    /// line and status add up. Baselines whose city or line does not parse are ignored (validated at start).
    /// </summary>
    /// <param name="onDay">The counters of D alone.</param>
    /// <param name="dayBefore">The counters of D−1 alone.</param>
    /// <param name="cumulative">The counters from <paramref name="campaignStart"/> through D.</param>
    public static DailyProgressFigures Calculate(
        DateOnly reportDay,
        DateOnly campaignStart,
        IReadOnlyList<ProgressCount> onDay,
        IReadOnlyList<ProgressCount> dayBefore,
        IReadOnlyList<ProgressCount> cumulative,
        IReadOnlyList<DailyProgressBaseline> baselines)
    {
        ArgumentNullException.ThrowIfNull(onDay);
        ArgumentNullException.ThrowIfNull(dayBefore);
        ArgumentNullException.ThrowIfNull(cumulative);
        ArgumentNullException.ThrowIfNull(baselines);

        var accepted = Tally(onDay, ShipmentStatus.Accepted);
        var delivered = Tally(onDay, ShipmentStatus.Delivered);
        var previous = Tally(dayBefore, ShipmentStatus.Delivered);
        var cumulativeAccepted = Tally(cumulative, ShipmentStatus.Accepted);
        var cumulativeDelivered = Tally(cumulative, ShipmentStatus.Delivered);
        var baseline = BaselineGrid(baselines);

        var cities = new CityProgress[Cities.All.Count];
        for (var c = 0; c < cities.Length; c++)
        {
            var lines = new BusinessProgress[Businesses.Length];
            var total = ProgressLine.Zero;
            for (var b = 0; b < lines.Length; b++)
            {
                var line = new ProgressLine(
                    accepted[c, b],
                    delivered[c, b],
                    previous[c, b],
                    cumulativeAccepted[c, b],
                    cumulativeDelivered[c, b],
                    baseline[c, b] is double perDay ? new YearOverYear(delivered[c, b], perDay) : null);
                lines[b] = new BusinessProgress(Businesses[b], line);
                total = total.Plus(line);
            }

            cities[c] = new CityProgress(Cities.All[c], lines, total);
        }

        var province = Businesses
            .Select((business, b) => new BusinessProgress(business, cities.Aggregate(ProgressLine.Zero, (sum, city) => sum.Plus(city.Lines[b].Line))))
            .ToArray();
        var provinceTotal = province.Aggregate(ProgressLine.Zero, (sum, line) => sum.Plus(line.Line));
        var ranking = Rank(cities);
        return new DailyProgressFigures(
            reportDay,
            campaignStart,
            province,
            provinceTotal,
            cities,
            ranking,
            [.. ranking.Where(rank => rank.Rank <= 3 && rank.City.Total.Delivered > 0)],
            [.. cities.Where(city => city.Total.Delivered == 0).Select(city => city.City)]);
    }

    private static long[,] Tally(IReadOnlyList<ProgressCount> rows, ShipmentStatus status)
    {
        var grid = new long[Cities.All.Count, Businesses.Length];
        foreach (var row in rows)
        {
            if (row.Status == status && CityIndex.TryGetValue(row.City, out var c) && (int)row.Business < Businesses.Length)
            {
                grid[c, (int)row.Business] += row.Count;
            }
        }

        return grid;
    }

    private static double?[,] BaselineGrid(IReadOnlyList<DailyProgressBaseline> baselines)
    {
        var grid = new double?[Cities.All.Count, Businesses.Length];
        foreach (var baseline in baselines)
        {
            if (CityIndex.TryGetValue(baseline.City, out var c) && PostalNames.TryParse(baseline.Business, out Business business) && baseline.DeliveredPerDay > 0)
            {
                grid[c, (int)business] = baseline.DeliveredPerDay;
            }
        }

        return grid;
    }

    private static CityRank[] Rank(CityProgress[] cities)
    {
        // OrderByDescending is stable: tied cities keep the customary order.
        var ordered = cities.OrderByDescending(city => city.Total.Delivered).ToArray();
        var ranking = new CityRank[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var tied = i > 0 && ordered[i].Total.Delivered == ordered[i - 1].Total.Delivered;
            ranking[i] = new CityRank(tied ? ranking[i - 1].Rank : i + 1, ordered[i]);
        }

        return ranking;
    }
}
