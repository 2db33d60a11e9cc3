using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Announcements;

public class DailyProgressAnnouncementTests
{
    private static readonly DateOnly Day = ProgressFixtures.ReportDay;

    private readonly FakeProgressCounters _counters = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 3, 5, 0, 30, 0, TimeSpan.Zero));

    public DailyProgressAnnouncementTests()
    {
        foreach (var row in ProgressFixtures.OnDay)
        {
            _counters.Add(Day, row.City, row.Business, row.Status, row.Count);
        }
    }

    [Fact]
    public async Task ComposeAsync_TwoGroupsWithinCacheDuration_ReadsTheCountersOnce()
    {
        var sut = CreateSut();

        var xiangyang = await sut.ComposeAsync(Day, "襄阳", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4));
        var province = await sut.ComposeAsync(Day, null, CancellationToken.None);

        Assert.Equal(3, _counters.Calls.Count);
        Assert.Contains("**本市 · 襄阳**（第2名）", xiangyang.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("本市", province.Markdown, StringComparison.Ordinal);
        Assert.Equal((Day, DailyProgressDetail.Full), (xiangyang.ReportDay, xiangyang.Detail));
    }

    [Fact]
    public async Task ComposeAsync_AfterCacheDuration_ReadsTheCountersAgain()
    {
        var sut = CreateSut();

        await sut.ComposeAsync(Day, "襄阳", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await sut.ComposeAsync(Day, "襄阳", CancellationToken.None);

        Assert.Equal(6, _counters.Calls.Count);
    }

    [Fact]
    public async Task ComposeAsync_CacheDurationZero_ReadsTheCountersEveryTime()
    {
        var sut = CreateSut(new DailyProgressOptions { Charts = false, CacheDuration = TimeSpan.Zero });

        await sut.ComposeAsync(Day, "襄阳", CancellationToken.None);
        await sut.ComposeAsync(Day, "襄阳", CancellationToken.None);

        Assert.Equal(6, _counters.Calls.Count);
    }

    [Fact]
    public async Task ComposeAsync_AnotherReportDay_ComputedSeparately()
    {
        var sut = CreateSut();

        var first = await sut.ComposeAsync(Day, null, CancellationToken.None);
        var second = await sut.ComposeAsync(Day.AddDays(-1), null, CancellationToken.None);

        Assert.Equal(6, _counters.Calls.Count);
        Assert.NotEqual(first.Markdown, second.Markdown);
    }

    [Fact]
    public async Task ComposeAsync_ThreeHundredGroupsAtOnce_OneComputation()
    {
        _counters.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sut = CreateSut();

        var groups = Enumerable.Range(0, 300)
            .Select(i => sut.ComposeAsync(Day, Cities.All[i % Cities.All.Count], CancellationToken.None))
            .ToArray();
        _counters.Gate.SetResult();
        var announcements = await Task.WhenAll(groups);

        Assert.Equal(3, _counters.Calls.Count);
        Assert.Equal(Cities.All.Count, announcements.Select(announcement => announcement.Markdown).Distinct().Count());
    }

    [Fact]
    public async Task ComposeAsync_CountersFail_FailureIsNotCached()
    {
        var sut = CreateSut();
        _counters.Failure = new TimeoutException("Redis timed out");

        await Assert.ThrowsAsync<TimeoutException>(() => sut.ComposeAsync(Day, "襄阳", CancellationToken.None));
        _counters.Failure = null;
        var announcement = await sut.ComposeAsync(Day, "襄阳", CancellationToken.None);

        Assert.Equal(6, _counters.Calls.Count);
        Assert.StartsWith("# 每日通报 · 2020年3月4日", announcement.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_OneGroupCancels_OthersStillGetTheAnnouncement()
    {
        _counters.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();

        var cancelled = sut.ComposeAsync(Day, "襄阳", cancellation.Token);
        var waiting = sut.ComposeAsync(Day, "武汉", CancellationToken.None);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        _counters.Gate.SetResult();
        var announcement = await waiting;

        Assert.Contains("**本市 · 武汉**", announcement.Markdown, StringComparison.Ordinal);
        Assert.Equal(3, _counters.Calls.Count);
    }

    [Fact]
    public async Task ComposeAsync_ChartsOn_FiveChartsSharedByEveryGroup()
    {
        var sut = CreateSut(new DailyProgressOptions());

        var xiangyang = await sut.ComposeAsync(Day, "襄阳", CancellationToken.None);
        var wuhan = await sut.ComposeAsync(Day, "武汉", CancellationToken.None);

        Assert.Equal(Enum.GetValues<Business>(), xiangyang.Charts.Select(chart => chart.Business));
        Assert.Same(xiangyang.Charts, wuhan.Charts);
        Assert.All(xiangyang.Charts, chart => Assert.Equal(0x89, chart.Png.Span[0]));
    }

    [Fact]
    public async Task ComposeAsync_ChartsOff_NoCharts()
    {
        var sut = CreateSut();

        var announcement = await sut.ComposeAsync(Day, "襄阳", CancellationToken.None);

        Assert.Empty(announcement.Charts);
    }

    [Fact]
    public async Task ComposeAsync_DayBeforeTheCampaign_ThrowsWithoutReading()
    {
        var sut = CreateSut();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.ComposeAsync(new DateOnly(2020, 1, 26), null, CancellationToken.None));

        Assert.Empty(_counters.Calls);
    }

    [Fact]
    public async Task ComposeAsync_UnknownCity_WarnsAndComposesWithoutCityLine()
    {
        var logger = new FakeLogger<DailyProgressAnnouncement>();
        var sut = CreateSut(logger: logger);

        var announcement = await sut.ComposeAsync(Day, "北京", CancellationToken.None);

        Assert.DoesNotContain("本市", announcement.Markdown, StringComparison.Ordinal);
        var warning = Assert.Single(logger.Collector.GetSnapshot(), record => record.Level == LogLevel.Warning);
        Assert.Equal(3004, warning.Id.Id);
    }

    [Theory]
    [InlineData("2020-03-05T08:30:00+08:00", DailyProgressReportDay.Yesterday, "2020-03-04")]
    [InlineData("2020-03-05T08:30:00+08:00", DailyProgressReportDay.Today, "2020-03-05")]
    [InlineData("2020-03-04T16:30:00Z", DailyProgressReportDay.Yesterday, "2020-03-04")] // 00:30 on the 5th in China
    [InlineData("2020-03-04T15:59:59Z", DailyProgressReportDay.Today, "2020-03-04")]     // 23:59:59 on the 4th in China
    [InlineData("2020-03-01T00:30:00Z", DailyProgressReportDay.Yesterday, "2020-02-29")] // leap year
    public void ReportDayAt_MomentAndSetting_DayInChina(string moment, DailyProgressReportDay setting, string expected)
    {
        var sut = CreateSut(new DailyProgressOptions { ReportDay = setting, Charts = false });

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), sut.ReportDayAt(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private DailyProgressAnnouncement CreateSut(DailyProgressOptions? options = null, ILogger<DailyProgressAnnouncement>? logger = null)
    {
        var settings = Options.Create(options ?? new DailyProgressOptions { Charts = false });
        return new DailyProgressAnnouncement(
            new DailyProgressFiguresReader(_counters, settings),
            new ProgressChartRenderer(settings),
            settings,
            _time,
            logger ?? NullLogger<DailyProgressAnnouncement>.Instance);
    }
}
