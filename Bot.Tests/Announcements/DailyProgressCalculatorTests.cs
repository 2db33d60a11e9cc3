using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Tests.Announcements;

public class DailyProgressCalculatorTests
{
    private const double Precision = 1e-9;

    // Hand-computed from ProgressFixtures: accepted, delivered, delivered the day before, cumulative accepted,
    // cumulative delivered, change, change %, year-over-year % (null where there is none).
    public static TheoryData<string, Business, long, long, long, long, long, long, double?, double?> CityLines => new()
    {
        { "武汉", Business.License, 120, 110, 100, 1000, 900, 10, 10.0, 25.0 },       // 110 vs baseline 88
        { "武汉", Business.Invoice, 0, 50, 0, 0, 50, 50, null, null },                // D−1 zero: no percentage
        { "襄阳", Business.License, 90, 80, 100, 600, 500, -20, -20.0, -20.0 },
        { "宜昌", Business.Textbook, 0, 80, 0, 100, 80, 80, null, null },
        { "黄石", Business.Other, 0, 5, 5, 0, 40, 0, 0.0, null },
        { "十堰", Business.License, 0, 0, 0, 0, 30, 0, null, -100.0 },               // baseline, nothing delivered
        { "神农架", Business.StudyMaterial, 0, 0, 0, 0, 0, 0, null, null },
    };

    public static TheoryData<Business, long, long, long, long, long, double?, double?> ProvinceLines => new()
    {
        { Business.License, 210, 190, 200, 1600, 1430, -5.0, (190 - 198) * 100.0 / 198 }, // baselines 88 + 100 + 10
        { Business.Invoice, 0, 50, 0, 0, 50, null, null },
        { Business.Textbook, 0, 80, 0, 100, 80, null, null },
        { Business.StudyMaterial, 0, 0, 0, 0, 0, null, null },
        { Business.Other, 0, 5, 5, 0, 40, 0.0, null },
    };

    [Theory]
    [MemberData(nameof(CityLines))]
    public void Calculate_HandComputedFixture_CityLinesMatch(
        string city, Business business, long accepted, long delivered, long previous, long cumulativeAccepted, long cumulativeDelivered,
        long change, double? changePercent, double? yearOverYear)
    {
        var figures = ProgressFixtures.Small();

        var line = figures.Cities.Single(c => c.City == city).Lines[(int)business].Line;

        AssertLine(line, accepted, delivered, previous, cumulativeAccepted, cumulativeDelivered, changePercent, yearOverYear);
        Assert.Equal(change, line.DeliveredChange);
    }

    [Theory]
    [MemberData(nameof(ProvinceLines))]
    public void Calculate_HandComputedFixture_ProvinceLinesSumTheCities(
        Business business, long accepted, long delivered, long previous, long cumulativeAccepted, long cumulativeDelivered,
        double? changePercent, double? yearOverYear)
    {
        var figures = ProgressFixtures.Small();

        var line = figures.Province[(int)business];

        Assert.Equal(business, line.Business);
        AssertLine(line.Line, accepted, delivered, previous, cumulativeAccepted, cumulativeDelivered, changePercent, yearOverYear);
    }

    [Fact]
    public void Calculate_HandComputedFixture_TotalsSumEveryLine()
    {
        var figures = ProgressFixtures.Small();

        AssertLine(figures.ProvinceTotal, 210, 325, 205, 1700, 1600, 120 * 100.0 / 205, (190 - 198) * 100.0 / 198);
        var wuhan = figures.Cities.Single(c => c.City == "武汉").Total;
        AssertLine(wuhan, 120, 160, 100, 1000, 950, 60.0, 25.0);
        Assert.Equal(new YearOverYear(110, 88), wuhan.YearOverYear); // only the line with a baseline takes part
    }

    [Fact]
    public void Calculate_HandComputedFixture_RanksByDeliveriesWithSharedRanksOnTies()
    {
        var figures = ProgressFixtures.Small();

        var ranking = figures.Ranking.Select(rank => (rank.Rank, rank.City.City, rank.City.Total.Delivered)).ToArray();

        Assert.Equal(17, ranking.Length);
        Assert.Equal([(1, "武汉", 160L), (2, "宜昌", 80L), (2, "襄阳", 80L), (4, "黄石", 5L), (5, "十堰", 0L), (5, "鄂州", 0L)], ranking[..6]);
        Assert.Equal((5, "神农架", 0L), ranking[^1]);
    }

    [Fact]
    public void Calculate_HandComputedFixture_HighlightsTopThreeAndCitiesWithoutDeliveries()
    {
        var figures = ProgressFixtures.Small();

        Assert.Equal(["武汉", "宜昌", "襄阳"], figures.TopCities.Select(rank => rank.City.City));
        Assert.Equal(
            ["十堰", "鄂州", "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州", "恩施", "仙桃", "潜江", "天门", "神农架"],
            figures.CitiesWithoutDeliveries);
    }

    [Fact]
    public void Calculate_EmptyDays_EveryCityAndLineIsZeroWithoutPercentages()
    {
        var figures = DailyProgressCalculator.Calculate(ProgressFixtures.ReportDay, ProgressFixtures.CampaignStart, [], [], [], []);

        Assert.Equal(Cities.All, figures.Cities.Select(city => city.City));
        Assert.All(figures.Cities, city => Assert.Equal(5, city.Lines.Count));
        Assert.All(figures.Cities.SelectMany(city => city.Lines).Append(new BusinessProgress(Business.Other, figures.ProvinceTotal)), line =>
        {
            Assert.Equal(ProgressLine.Zero, line.Line);
            Assert.Null(line.Line.DeliveredChangePercent);
        });
        Assert.All(figures.Ranking, rank => Assert.Equal(1, rank.Rank));
        Assert.Empty(figures.TopCities);
        Assert.Equal(Cities.All, figures.CitiesWithoutDeliveries);
    }

    [Fact]
    public void Calculate_NoBaselines_NoYearOverYearAnywhere()
    {
        var figures = DailyProgressCalculator.Calculate(
            ProgressFixtures.ReportDay, ProgressFixtures.CampaignStart, ProgressFixtures.OnDay, ProgressFixtures.DayBefore, ProgressFixtures.Cumulative, []);

        Assert.Null(figures.ProvinceTotal.YearOverYear);
        Assert.All(figures.Province, line => Assert.Null(line.Line.YearOverYear));
        Assert.All(figures.Cities.SelectMany(city => city.Lines), line => Assert.Null(line.Line.YearOverYear));
    }

    [Theory]
    [InlineData(new long[] { 100, 90, 80, 70 }, new[] { "武汉", "黄石", "十堰" })]
    [InlineData(new long[] { 100, 90, 80, 80 }, new[] { "武汉", "黄石", "十堰", "宜昌" })] // a tie for third keeps both
    [InlineData(new long[] { 100, 100, 100, 100 }, new[] { "武汉", "黄石", "十堰", "宜昌" })]
    [InlineData(new long[] { 100, 0, 0, 0 }, new[] { "武汉" })] // cities with nothing are never "top"
    [InlineData(new long[] { 0, 0, 0, 0 }, new string[0])]
    public void Calculate_DeliveriesOfFirstFourCities_TopCities(long[] delivered, string[] expected)
    {
        var rows = delivered.Select((count, i) => new ProgressCount(Cities.All[i], Business.License, ShipmentStatus.Delivered, count)).ToArray();

        var figures = DailyProgressCalculator.Calculate(ProgressFixtures.ReportDay, ProgressFixtures.CampaignStart, rows, [], rows, []);

        Assert.Equal(expected, figures.TopCities.Select(rank => rank.City.City));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(5, 0, null)]
    [InlineData(0, 5, -100.0)]
    [InlineData(150, 100, 50.0)]
    [InlineData(1, 3, -66.666666666666671)]
    public void DeliveredChangePercent_DeliveredAndDayBefore_PercentOfTheDayBefore(long delivered, long previous, double? expected)
    {
        var line = ProgressLine.Zero with { Delivered = delivered, PreviousDelivered = previous };

        Assert.Equal(expected, line.DeliveredChangePercent);
        Assert.Equal(delivered - previous, line.DeliveredChange);
    }

    [Theory]
    [InlineData(120, 100.0, 20.0)]
    [InlineData(0, 100.0, -100.0)]
    [InlineData(100, 100.0, 0.0)]
    [InlineData(1, 0.5, 100.0)]
    public void YearOverYearPercent_DeliveredAndBaseline_ChangeAgainstBaseline(long delivered, double baseline, double expected)
    {
        Assert.Equal(expected, new YearOverYear(delivered, baseline).Percent, Precision);
    }

    private static void AssertLine(
        ProgressLine line, long accepted, long delivered, long previous, long cumulativeAccepted, long cumulativeDelivered,
        double? changePercent, double? yearOverYear)
    {
        Assert.Equal(
            (accepted, delivered, previous, cumulativeAccepted, cumulativeDelivered),
            (line.Accepted, line.Delivered, line.PreviousDelivered, line.CumulativeAccepted, line.CumulativeDelivered));
        AssertNullableEqual(changePercent, line.DeliveredChangePercent);
        AssertNullableEqual(yearOverYear, line.YearOverYear?.Percent);
    }

    private static void AssertNullableEqual(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } value)
        {
            Assert.Equal(value, actual!.Value, Precision); // not null: checked on the line above
        }
    }
}
