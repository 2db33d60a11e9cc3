using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;
using ScottPlot;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Draws the report day's deliveries per city as bar charts with ScottPlot, headless, one PNG per business line,
/// labelled in Chinese with <see cref="DailyProgressOptions.ChartFont"/> (checked at start by <see cref="ChartFontCheck"/>).
/// </summary>
public sealed class ProgressChartRenderer(IOptions<DailyProgressOptions> options)
{
    /// <summary>Width of every chart, in pixels.</summary>
    public const int Width = 800;

    /// <summary>Height of every chart, in pixels.</summary>
    public const int Height = 450;

    /// <summary>The Chinese characters of titles and axes beyond city and business names (for the font check).</summary>
    internal const string Words = "各市州当日投递量件年月日收寄";

    private static readonly Color BarColor = Color.FromHex("#00794C");

    /// <summary>One chart per business line, in <see cref="Business"/> order.</summary>
    public IReadOnlyList<ChartImage> RenderAll(DailyProgressFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return [.. Enum.GetValues<Business>().Select(business => Render(figures, business))];
    }

    /// <summary>The deliveries of <paramref name="business"/> on the report day: 17 bars in the customary city order, each labelled with its count.</summary>
    public ChartImage Render(DailyProgressFigures figures, Business business)
    {
        ArgumentNullException.ThrowIfNull(figures);
        // Plot owns Skia paints and backgrounds (native memory); GetImageBytes disposes its own surface and image.
        using var plot = new Plot();
        var values = figures.Cities.Select(city => city.Lines[(int)business].Line.Delivered).ToArray();
        var bars = values.Select((value, i) => new Bar
        {
            Position = i,
            Value = value,
            ValueLabel = DailyProgressComposer.Count(value),
            FillColor = BarColor,
            LineWidth = 0,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. figures.Cities.Select((city, i) => new Tick(i, city.City))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = value => DailyProgressComposer.Count((long)value),
        };
        var highest = values.Max();
        // Room above the tallest bar for its label; an all-zero day still gets a sensible axis.
        plot.Axes.SetLimits(-0.6, values.Length - 0.4, 0, highest > 0 ? highest * 1.15 : 10);
        plot.Title($"{PostalNames.ToChinese(business)} · {DailyProgressComposer.LongDate(figures.ReportDay)}各市州投递量");
        plot.YLabel("件");
        // Font.Set reaches the title and the axes only. The bar labels get its typeface explicitly: left alone they keep
        // a typeface ScottPlot picked from its process-wide default, which is whatever the previous chart set.
        barPlot.ValueLabelStyle.Font = plot.Font.Set(options.Value.ChartFont);
        return new ChartImage(business, plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    /// <summary>
    /// The campaign's trend as SVG: accepted (dashed) and delivered (solid) per day, for one business line or, with
    /// <paramref name="business"/> null, all lines summed. Labelled in Chinese like the bar charts.
    /// </summary>
    public string RenderTrendSvg(ProgressTrend trend, Business? business, int width = Width, int height = 320)
    {
        ArgumentNullException.ThrowIfNull(trend);
        using var plot = new Plot();
        var xs = trend.Days.Select((_, i) => (double)i).ToArray();
        double Sum(IReadOnlyList<long> lines) => business is { } one ? lines[(int)one] : lines.Sum();
        var accepted = plot.Add.Scatter(xs, [.. trend.Days.Select(day => Sum(day.Accepted))]);
        accepted.LegendText = "收寄";
        accepted.Color = AcceptedColor;
        accepted.LinePattern = LinePattern.Dashed;
        var delivered = plot.Add.Scatter(xs, [.. trend.Days.Select(day => Sum(day.Delivered))]);
        delivered.LegendText = "投递";
        delivered.Color = BarColor;
        foreach (var line in new[] { accepted, delivered })
        {
            line.LineWidth = 2;
            line.MarkerSize = trend.Days.Count > 45 ? 0 : 4;
        }

        // About seven dates along the axis, whatever the length of the period.
        var step = Math.Max(1, (trend.Days.Count + 6) / 7);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. trend.Days.Select((day, i) => (day, i)).Where(item => item.i % step == 0)
                .Select(item => new Tick(item.i, item.day.Day.ToString("M/d", System.Globalization.CultureInfo.InvariantCulture)))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = value => DailyProgressComposer.Count((long)value),
        };
        var highest = trend.Days.Count == 0 ? 0 : trend.Days.Max(day => Math.Max(Sum(day.Accepted), Sum(day.Delivered)));
        plot.Axes.SetLimits(-0.5, Math.Max(xs.Length - 0.5, 0.5), 0, highest > 0 ? highest * 1.15 : 10);
        plot.YLabel("件");
        plot.Font.Set(options.Value.ChartFont);
        plot.Legend.FontName = options.Value.ChartFont;
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(width, height);
    }

    private static readonly Color AcceptedColor = Color.FromHex("#B8860B");
}
