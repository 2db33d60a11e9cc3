using ChatPost.Bot.Announcements;

namespace ChatPost.Bot.Tests.Announcements;

public class DailyProgressComposerFormatTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1_000, "1,000")]
    [InlineData(1_234_567, "1,234,567")]
    [InlineData(-12_345, "-12,345")]
    [InlineData(long.MaxValue, "9,223,372,036,854,775,807")]
    public void Count_Value_ThousandsSeparatedByCommas(long value, string expected)
    {
        Assert.Equal(expected, DailyProgressComposer.Count(value));
    }

    [Theory]
    [InlineData(0, null, true, "<font color=\"comment\">持平</font>")]
    [InlineData(0, 0.0, false, "<font color=\"comment\">持平</font>")]
    [InlineData(1_234, 12.34, true, "<font color=\"info\">↑1,234（12.3%）</font>")]
    [InlineData(1_234, 12.36, false, "<font color=\"info\">↑12.4%</font>")]
    [InlineData(-20, -20.0, true, "<font color=\"warning\">↓20（20.0%）</font>")]
    [InlineData(-20, -20.0, false, "<font color=\"warning\">↓20.0%</font>")]
    [InlineData(50, null, true, "<font color=\"info\">↑50</font>")]   // the day before had nothing: no percentage
    [InlineData(50, null, false, "<font color=\"info\">↑50</font>")]
    [InlineData(1, 0.01, false, "<font color=\"info\">↑0.0%</font>")] // the arrow still says which way
    [InlineData(-5, -100.0, true, "<font color=\"warning\">↓5（100.0%）</font>")]
    public void Change_DeltaAndPercent_ArrowColourAndSize(long delta, double? percent, bool withCount, string expected)
    {
        Assert.Equal(expected, DailyProgressComposer.Change(delta, percent, withCount));
    }

    [Theory]
    [InlineData(12.5, "<font color=\"info\">↑12.5%</font>")]
    [InlineData(-3.0, "<font color=\"warning\">↓3.0%</font>")]
    [InlineData(-100.0, "<font color=\"warning\">↓100.0%</font>")]
    [InlineData(0.0, "<font color=\"comment\">持平</font>")]
    [InlineData(0.04, "<font color=\"comment\">持平</font>")]
    [InlineData(-0.04, "<font color=\"comment\">持平</font>")]
    [InlineData(0.05, "<font color=\"info\">↑0.1%</font>")]
    [InlineData(1234.56, "<font color=\"info\">↑1234.6%</font>")]
    public void YearOverYear_Percent_ArrowColourOrFlat(double percent, string expected)
    {
        Assert.Equal(expected, DailyProgressComposer.YearOverYear(percent));
    }

    [Theory]
    [InlineData(2020, 3, 4, "2020年3月4日", "3月4日", "星期三")]
    [InlineData(2020, 1, 27, "2020年1月27日", "1月27日", "星期一")]
    [InlineData(2020, 3, 8, "2020年3月8日", "3月8日", "星期日")]
    [InlineData(2020, 2, 29, "2020年2月29日", "2月29日", "星期六")]
    [InlineData(2020, 12, 31, "2020年12月31日", "12月31日", "星期四")]
    public void Dates_Day_ChineseLongShortAndWeekday(int year, int month, int day, string longDate, string shortDate, string weekday)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal((longDate, shortDate, weekday), (DailyProgressComposer.LongDate(date), DailyProgressComposer.ShortDate(date), DailyProgressComposer.Weekday(date)));
    }
}
