using System.Buffers.Binary;
using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ChatPost.Bot.Tests.Announcements;

public class ProgressChartRendererTests
{
    private const int RobotImageLimit = 2 * 1024 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Render_RealisticDay_PngOfTheAnnouncedSizeUnderTheRobotLimit()
    {
        var sut = CreateSut();

        var chart = sut.Render(ProgressFixtures.Uniform(daily: 9_999, cumulative: 999_999), Business.License);

        var png = chart.Png.ToArray();
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        Assert.Equal(
            (ProgressChartRenderer.Width, ProgressChartRenderer.Height),
            (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.InRange(png.Length, 1, RobotImageLimit - 1);
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((800, 450), (decoded.Width, decoded.Height));
        Assert.Equal(Business.License, chart.Business);
    }

    [Fact]
    public void RenderAll_AnyFigures_OneChartPerBusinessLineInOrder()
    {
        var sut = CreateSut();

        var charts = sut.RenderAll(ProgressFixtures.Small());

        Assert.Equal(Enum.GetValues<Business>(), charts.Select(chart => chart.Business));
        Assert.All(charts, chart => Assert.Equal(PngSignature, chart.Png[..8].ToArray()));
    }

    [Fact]
    public void Render_SameFiguresTwice_SameBytes()
    {
        var sut = CreateSut();
        var figures = ProgressFixtures.Small();

        var first = sut.Render(figures, Business.Textbook);
        var second = sut.Render(figures, Business.Textbook);

        Assert.True(first.Png.Span.SequenceEqual(second.Png.Span));
    }

    [Theory]
    [InlineData(0L)]                  // an empty day still gets an axis
    [InlineData(999_999_999_999L)]    // labels and ticks with four groups of digits
    public void Render_ExtremeDays_StillAChart(long daily)
    {
        var sut = CreateSut();
        var figures = daily == 0
            ? DailyProgressCalculator.Calculate(ProgressFixtures.ReportDay, ProgressFixtures.CampaignStart, [], [], [], [])
            : ProgressFixtures.Uniform(daily, daily * 10);

        var chart = sut.Render(figures, Business.Other);

        using var decoded = SKBitmap.Decode(chart.Png.ToArray());
        Assert.Equal((800, 450), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Render_CjkFontAgainstLatinOnlyFont_LabelsAreDrawnDifferently()
    {
        // With a Latin-only font every Chinese label would be drawn as boxes; the configured font must reach them.
        var figures = ProgressFixtures.Small();

        var cjk = CreateSut().Render(figures, Business.License);
        var latin = CreateSut("DejaVu Sans").Render(figures, Business.License);

        Assert.False(cjk.Png.Span.SequenceEqual(latin.Png.Span));
    }

    [Theory]
    [InlineData("WenQuanYi Micro Hei", true)]
    [InlineData("DejaVu Sans", false)]       // installed or not, it has no Chinese glyphs
    [InlineData("No Such Font ChatPost", false)] // ScottPlot would fall back to a Latin-only default
    public void CanDrawChinese_FontFamily_TrueOnlyWithCjkGlyphs(string family, bool expected)
    {
        Assert.Equal(expected, ChartFonts.CanDrawChinese(family));
    }

    [Fact]
    public void ChineseProbe_AnyChart_CoversEveryCityAndBusinessName()
    {
        var names = string.Concat(Cities.All) + string.Concat(Enum.GetValues<Business>().Select(PostalNames.ToChinese));

        Assert.All(names, character => Assert.Contains(character, ChartFonts.ChineseProbe));
    }

    private static ProgressChartRenderer CreateSut(string font = "WenQuanYi Micro Hei") =>
        new(Options.Create(new DailyProgressOptions { ChartFont = font }));
}
