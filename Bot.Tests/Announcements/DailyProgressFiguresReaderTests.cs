using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Announcements;

public class DailyProgressFiguresReaderTests
{
    private static readonly DateOnly Start = new(2020, 1, 27);
    private static readonly DateOnly Day = new(2020, 3, 4);

    [Fact]
    public async Task ReadAsync_AnyDay_ReadsTheDayTheDayBeforeAndTheCampaignSoFar()
    {
        var counters = new FakeProgressCounters();
        var sut = CreateSut(counters);

        await sut.ReadAsync(Day, CancellationToken.None);

        Assert.Equal([(Day, Day), (Day.AddDays(-1), Day.AddDays(-1)), (Start, Day)], counters.Calls);
    }

    [Fact]
    public async Task ReadAsync_CountsAroundTheCampaign_CumulativeCountsOnlyCampaignStartThroughTheDay()
    {
        var counters = new FakeProgressCounters()
            .Add(Start.AddDays(-1), "襄阳", Business.License, ShipmentStatus.Delivered, 1000) // before the campaign
            .Add(Start, "襄阳", Business.License, ShipmentStatus.Delivered, 1)
            .Add(Day.AddDays(-1), "襄阳", Business.License, ShipmentStatus.Delivered, 20)
            .Add(Day, "襄阳", Business.License, ShipmentStatus.Delivered, 300)
            .Add(Day, "襄阳", Business.License, ShipmentStatus.Accepted, 7)
            .Add(Day.AddDays(1), "襄阳", Business.License, ShipmentStatus.Delivered, 4000); // after the report day
        var sut = CreateSut(counters);

        var figures = await sut.ReadAsync(Day, CancellationToken.None);

        var line = figures.Cities.Single(city => city.City == "襄阳").Lines[(int)Business.License].Line;
        Assert.Equal(new ProgressLine(7, 300, 20, 7, 321, null), line);
        Assert.Equal((Day, Start), (figures.ReportDay, figures.CampaignStart));
    }

    [Fact]
    public async Task ReadAsync_TheCampaignsFirstDay_DayBeforeIsReadAndCumulativeIsTheDayItself()
    {
        var counters = new FakeProgressCounters().Add(Start, "武汉", Business.Textbook, ShipmentStatus.Delivered, 9);
        var sut = CreateSut(counters);

        var figures = await sut.ReadAsync(Start, CancellationToken.None);

        Assert.Equal([(Start, Start), (Start.AddDays(-1), Start.AddDays(-1)), (Start, Start)], counters.Calls);
        Assert.Equal(9, figures.ProvinceTotal.CumulativeDelivered);
    }

    [Fact]
    public async Task ReadAsync_DayBeforeTheCampaign_ThrowsWithoutReading()
    {
        var counters = new FakeProgressCounters();
        var sut = CreateSut(counters);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.ReadAsync(Start.AddDays(-1), CancellationToken.None));

        Assert.Empty(counters.Calls);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_PassesTheTokenToTheCounters()
    {
        var counters = new FakeProgressCounters { Gate = new TaskCompletionSource() };
        var sut = CreateSut(counters);
        using var cancellation = new CancellationTokenSource();

        var reading = sut.ReadAsync(Day, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    private static DailyProgressFiguresReader CreateSut(IProgressCounters counters) =>
        new(counters, Options.Create(new DailyProgressOptions { CampaignStart = Start }));
}
