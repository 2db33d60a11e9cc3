using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Announcements;

/// <summary>Whether a font family, as ScottPlot resolves it, has the glyphs the charts draw.</summary>
public static class ChartFonts
{
    /// <summary>Every Chinese character a chart can draw: city names, business lines, title and axis words.</summary>
    public static readonly string ChineseProbe =
        string.Concat(Cities.All) + string.Concat(Enum.GetValues<Business>().Select(PostalNames.ToChinese)) + ProgressChartRenderer.Words;

    /// <summary>
    /// True when <paramref name="family"/> resolves to a typeface with a glyph for every character of
    /// <see cref="ChineseProbe"/>. A missing family is false even though ScottPlot would quietly fall back to a
    /// default (Latin-only) font: that fallback is exactly the failure this detects.
    /// </summary>
    public static bool CanDrawChinese(string family)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        // ScottPlot caches the typefaces it resolves and owns them: not ours to dispose.
        var typeface = ScottPlot.Fonts.GetTypeface(family, bold: false, italic: false);
        return typeface is not null && typeface.ContainsGlyphs(ChineseProbe);
    }
}
