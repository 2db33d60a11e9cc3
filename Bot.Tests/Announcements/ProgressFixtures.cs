using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Tests.Announcements;

/// <summary>
/// Counter rows for the announcement tests. <see cref="Small"/> is the hand-computed fixture: its expected figures
/// are written out in <c>DailyProgressCalculatorTests</c>. <see cref="Uniform"/> fills all 17 cities × 5 lines.
/// </summary>
internal static class ProgressFixtures
{
    public static readonly DateOnly ReportDay = new(2020, 3, 4);
    public static readonly DateOnly CampaignStart = new(2020, 1, 27);

    public static readonly ProgressCount[] OnDay =
    [
        new("武汉", Business.License, ShipmentStatus.Accepted, 120),
        new("武汉", Business.License, ShipmentStatus.Delivered, 100),
        new("武汉", Business.License, ShipmentStatus.Delivered, 10), // a second row for the same key adds up
        new("武汉", Business.License, ShipmentStatus.InTransit, 999), // neither accepted nor delivered: unused
        new("武汉", Business.Invoice, ShipmentStatus.Delivered, 50),
        new("襄阳", Business.License, ShipmentStatus.Accepted, 90),
        new("襄阳", Business.License, ShipmentStatus.Delivered, 80),
        new("宜昌", Business.Textbook, ShipmentStatus.Delivered, 80), // ties 襄阳: 宜昌 comes first in the customary order
        new("黄石", Business.Other, ShipmentStatus.Delivered, 5),
        new("北京", Business.License, ShipmentStatus.Delivered, 7), // not one of the seventeen: ignored
    ];

    public static readonly ProgressCount[] DayBefore =
    [
        new("武汉", Business.License, ShipmentStatus.Delivered, 100),
        new("襄阳", Business.License, ShipmentStatus.Delivered, 100),
        new("黄石", Business.Other, ShipmentStatus.Delivered, 5),
        new("宜昌", Business.Textbook, ShipmentStatus.Accepted, 30), // accepted the day before: no part of the change
    ];

    public static readonly ProgressCount[] Cumulative =
    [
        new("武汉", Business.License, ShipmentStatus.Accepted, 1000),
        new("武汉", Business.License, ShipmentStatus.Delivered, 900),
        new("武汉", Business.Invoice, ShipmentStatus.Delivered, 50),
        new("襄阳", Business.License, ShipmentStatus.Accepted, 600),
        new("襄阳", Business.License, ShipmentStatus.Delivered, 500),
        new("宜昌", Business.Textbook, ShipmentStatus.Accepted, 100),
        new("宜昌", Business.Textbook, ShipmentStatus.Delivered, 80),
        new("黄石", Business.Other, ShipmentStatus.Delivered, 40),
        new("十堰", Business.License, ShipmentStatus.Delivered, 30), // delivered before, nothing on the day
    ];

    public static readonly DailyProgressBaseline[] Baselines =
    [
        new() { City = "武汉", Business = "license", DeliveredPerDay = 88 },
        new() { City = "襄阳", Business = "license", DeliveredPerDay = 100 },
        new() { City = "十堰", Business = "license", DeliveredPerDay = 10 },
    ];

    public static DailyProgressFigures Small() =>
        DailyProgressCalculator.Calculate(ReportDay, CampaignStart, OnDay, DayBefore, Cumulative, Baselines);

    /// <summary>
    /// Every city and line with counts near <paramref name="daily"/> (accepted and delivered on the day, delivered the
    /// day before) and <paramref name="cumulative"/>, varied by a seeded generator, and a baseline for every pair.
    /// </summary>
    public static DailyProgressFigures Uniform(long daily, long cumulative, int seed = 1)
    {
        var random = new Random(seed);
        List<DailyProgressBaseline> baselines = [];
        foreach (var city in Cities.All)
        {
            baselines.AddRange(Enum.GetValues<Business>().Select(business =>
                new DailyProgressBaseline { City = city, Business = PostalNames.ToWire(business), DeliveredPerDay = daily * 0.8 }));
        }

        return DailyProgressCalculator.Calculate(
            ReportDay,
            CampaignStart,
            Grid(daily, random),
            Grid(daily, random),
            Grid(cumulative, random),
            baselines);
    }

    /// <summary>Accepted and delivered rows for all 17 × 5 pairs, each within 30% below <paramref name="around"/>.</summary>
    public static List<ProgressCount> Grid(long around, Random random)
    {
        List<ProgressCount> rows = [];
        foreach (var city in Cities.All)
        {
            foreach (var business in Enum.GetValues<Business>())
            {
                rows.Add(new(city, business, ShipmentStatus.Accepted, around - (long)(around * 0.3 * random.NextDouble())));
                rows.Add(new(city, business, ShipmentStatus.Delivered, around - (long)(around * 0.3 * random.NextDouble())));
            }
        }

        return rows;
    }
}
