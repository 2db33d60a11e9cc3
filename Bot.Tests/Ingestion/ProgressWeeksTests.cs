using System.Globalization;
using ChatPost.Bot.Ingestion;

namespace ChatPost.Bot.Tests.Ingestion;

public class ProgressWeeksTests
{
    [Theory]
    [InlineData("2020-03-02", "2020-03-02")] // Monday
    [InlineData("2020-03-04", "2020-03-02")]
    [InlineData("2020-03-08", "2020-03-02")] // Sunday
    [InlineData("2020-03-09", "2020-03-09")]
    [InlineData("2021-01-01", "2020-12-28")]
    public void Monday_Day_StartOfItsMondayToSundayWeek(string day, string monday)
    {
        Assert.Equal(Parse(monday), ProgressWeeks.Monday(Parse(day)));
    }

    [Theory]
    [InlineData("2020-03-04", "2020-03-04", "d04")]
    [InlineData("2020-03-02", "2020-03-08", "w02")]
    [InlineData("2020-03-02", "2020-03-07", "d02 d03 d04 d05 d06 d07")]
    [InlineData("2020-03-07", "2020-03-17", "d07 d08 w09 d16 d17")]
    [InlineData("2020-03-01", "2020-03-22", "d01 w02 w09 w16")]
    [InlineData("2020-03-05", "2020-03-04", "")]
    public void Pieces_Range_WholeWeeksAndLooseDays(string first, string last, string expected)
    {
        var pieces = ProgressWeeks.Pieces(Parse(first), Parse(last)).Select(piece => (piece.IsWeek ? "w" : "d") + piece.Start.Day.ToString("00", CultureInfo.InvariantCulture));

        Assert.Equal(expected, string.Join(" ", pieces));
    }

    private static DateOnly Parse(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);
}
