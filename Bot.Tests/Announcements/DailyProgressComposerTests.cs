using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Tests.Announcements;

public partial class DailyProgressComposerTests
{
    private const string SmallForXiangyang = """
# 每日通报 · 2020年3月4日（星期三）
<font color="comment">收寄、投递为3月4日当日件数，增减较前一日；累计自2020年1月27日起；同比较去年日均</font>

**全省**：投递 **325** 件 <font color="info">↑120（58.5%）</font>，收寄 210 件；累计投递 1,600 件、收寄 1,700 件；同比 <font color="warning">↓4.0%</font>
> 交管证照：投递 190 <font color="warning">↓10（5.0%）</font>，收寄 210；累计投递 1,430、收寄 1,600；同比 <font color="warning">↓4.0%</font>
> 税务发票：投递 50 <font color="info">↑50</font>，收寄 0；累计投递 50、收寄 0
> 教材：投递 80 <font color="info">↑80</font>，收寄 0；累计投递 80、收寄 100
> 教辅资料：投递 0 <font color="comment">持平</font>，收寄 0；累计投递 0、收寄 0
> 其他：投递 5 <font color="comment">持平</font>，收寄 0；累计投递 40、收寄 0

**本市 · 襄阳**（第2名）：投递 **80** 件 <font color="warning">↓20（20.0%）</font>，收寄 90 件；累计投递 500 件、收寄 600 件；同比 <font color="warning">↓20.0%</font>

## 各市州当日投递
**1** 武汉 160 <font color="info">↑60.0%</font>｜证照 110 · 发票 50
**2** 宜昌 80 <font color="info">↑80</font>｜教材 80
**2** 襄阳 80 <font color="warning">↓20.0%</font>｜证照 80
**4** 黄石 5 <font color="comment">持平</font>｜其他 5
**5** 十堰 0 <font color="comment">持平</font>
**5** 鄂州 0 <font color="comment">持平</font>
**5** 荆门 0 <font color="comment">持平</font>
**5** 孝感 0 <font color="comment">持平</font>
**5** 荆州 0 <font color="comment">持平</font>
**5** 黄冈 0 <font color="comment">持平</font>
**5** 咸宁 0 <font color="comment">持平</font>
**5** 随州 0 <font color="comment">持平</font>
**5** 恩施 0 <font color="comment">持平</font>
**5** 仙桃 0 <font color="comment">持平</font>
**5** 潜江 0 <font color="comment">持平</font>
**5** 天门 0 <font color="comment">持平</font>
**5** 神农架 0 <font color="comment">持平</font>

## 亮点
**前三名**：武汉 160、宜昌 80、襄阳 80
**当日无投递**：<font color="warning">十堰、鄂州、荆门、孝感、荆州、黄冈、咸宁、随州、恩施、仙桃、潜江、天门、神农架</font>
""";

    [Fact]
    public void Compose_SmallFixtureForXiangyang_IsTheGoldenText()
    {
        var figures = ProgressFixtures.Small();

        var markdown = DailyProgressComposer.Compose(figures, "襄阳");

        Assert.Equal(SmallForXiangyang, markdown.Content);
        Assert.Equal(DailyProgressDetail.Full, markdown.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("北京")]
    [InlineData("襄阳市")]
    public void Compose_NoneOfTheSeventeenCities_GoldenTextWithoutTheCityLine(string? city)
    {
        var figures = ProgressFixtures.Small();

        var markdown = DailyProgressComposer.Compose(figures, city);

        var withoutCityLine = Regex.Replace(SmallForXiangyang, @"\n\*\*本市 · 襄阳\*\*[^\n]*\n", "");
        Assert.Equal(withoutCityLine, markdown.Content);
        Assert.DoesNotContain("本市", markdown.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("武汉", "**本市 · 武汉**（第1名）：投递 **160** 件 <font color=\"info\">↑60（60.0%）</font>，收寄 120 件；累计投递 950 件、收寄 1,000 件；同比 <font color=\"info\">↑25.0%</font>")]
    [InlineData("宜昌", "**本市 · 宜昌**（第2名）：投递 **80** 件 <font color=\"info\">↑80</font>，收寄 0 件；累计投递 80 件、收寄 100 件")]
    [InlineData("十堰", "**本市 · 十堰**（第5名）：投递 **0** 件 <font color=\"comment\">持平</font>，收寄 0 件；累计投递 30 件、收寄 0 件；同比 <font color=\"warning\">↓100.0%</font>")]
    public void Compose_ReceivingCity_HasItsOwnLineWithRank(string city, string expectedLine)
    {
        var figures = ProgressFixtures.Small();

        var markdown = DailyProgressComposer.Compose(figures, city);

        Assert.Contains("\n" + expectedLine + "\n", markdown.Content, StringComparison.Ordinal);
    }

    public static TheoryData<string?> EveryReceivingCity => new(Cities.All.Append(null));

    [Theory]
    [MemberData(nameof(EveryReceivingCity))]
    public void Compose_SeventeenCitiesFiveLinesAtRealisticVolumes_FitsOneMessageWithFullDetail(string? city)
    {
        // Four digits a day per city and line is about 850,000 deliveries a day: well above the lockdown's volume.
        var figures = ProgressFixtures.Uniform(daily: 9_999, cumulative: 999_999);

        var markdown = DailyProgressComposer.Compose(figures, city);

        Assert.InRange(Encoding.UTF8.GetByteCount(markdown.Content), 3_000, DailyProgressComposer.MaxBytes);
        Assert.Equal(DailyProgressDetail.Full, markdown.Detail);
        Assert.Equal(17, Regex.Count(markdown.Content, "｜证照 "));
    }

    [Theory]
    [MemberData(nameof(EveryReceivingCity))]
    public void Compose_AbsurdVolumes_DropsDetailAndStillFitsOneMessage(string? city)
    {
        var figures = ProgressFixtures.Uniform(daily: 999_999_999_999, cumulative: 999_999_999_999_999);

        var markdown = DailyProgressComposer.Compose(figures, city);

        Assert.InRange(Encoding.UTF8.GetByteCount(markdown.Content), 1, DailyProgressComposer.MaxBytes);
        Assert.NotEqual(DailyProgressDetail.Full, markdown.Detail);
        Assert.Contains("**前三名**", markdown.Content, StringComparison.Ordinal);
        Assert.EndsWith("**当日无投递**：无", markdown.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EachLevelOfDetail_ShorterThanTheOneBeforeAndKeepsTheEssentials()
    {
        var figures = ProgressFixtures.Uniform(daily: 9_999, cumulative: 999_999);
        var city = figures.FindRank("襄阳");

        var texts = Enum.GetValues<DailyProgressDetail>().Select(detail => DailyProgressComposer.Write(figures, city, detail)).ToArray();

        var sizes = texts.Select(Encoding.UTF8.GetByteCount).ToArray();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Equal(sizes.Length, sizes.Distinct().Count());
        Assert.All(texts, text =>
        {
            Assert.StartsWith("# 每日通报 · 2020年3月4日（星期三）\n", text, StringComparison.Ordinal);
            Assert.Equal(6, Regex.Count(text, "^(\\*\\*全省\\*\\*|> )", RegexOptions.Multiline));
            Assert.Contains("**本市 · 襄阳**", text, StringComparison.Ordinal);
            Assert.Contains("**前三名**", text, StringComparison.Ordinal);
            Assert.Contains("**当日无投递**", text, StringComparison.Ordinal);
        });
        Assert.Equal(17, Regex.Count(texts[0], @"^\*\*\d+\*\* \S+ [\d,]+ <font[^\n]*｜证照", RegexOptions.Multiline));
        Assert.Equal(17, Regex.Count(texts[1], @"^\*\*\d+\*\* \S+ [\d,]+ <font[^｜\n]*$", RegexOptions.Multiline));
        Assert.Equal(17, Regex.Count(texts[2], @"^\*\*\d+\*\* \S+ [\d,]+$", RegexOptions.Multiline));
        Assert.DoesNotContain("## 各市州当日投递", texts[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EmptyDay_NoTopCitiesAndEveryCityWithoutDeliveries()
    {
        var figures = DailyProgressCalculator.Calculate(ProgressFixtures.ReportDay, ProgressFixtures.CampaignStart, [], [], [], []);

        var markdown = DailyProgressComposer.Compose(figures, "神农架");

        Assert.Contains("\n**前三名**：无\n", markdown.Content, StringComparison.Ordinal);
        Assert.EndsWith($"**当日无投递**：<font color=\"warning\">{string.Join('、', Cities.All)}</font>", markdown.Content, StringComparison.Ordinal);
        Assert.Contains("**本市 · 神农架**（第1名）：投递 **0** 件 <font color=\"comment\">持平</font>", markdown.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_AnyFigures_UsesOnlyTheGroupRobotMarkdownSubset()
    {
        var texts = new[] { ProgressFixtures.Small(), ProgressFixtures.Uniform(9_999, 999_999) }
            .Select(figures => DailyProgressComposer.Compose(figures, "武汉").Content);

        Assert.All(texts, text =>
        {
            Assert.All(TagPattern().Matches(text), tag => Assert.Matches("^(<font color=\"(info|comment|warning)\">|</font>)$", tag.Value));
            Assert.DoesNotMatch("(?m)^(\\||- |\\* |```)", text); // no tables, lists or code blocks
            Assert.Equal(Regex.Count(text, "<font "), Regex.Count(text, "</font>"));
        });
    }

    [Fact]
    public void Compose_UnderAnotherCulture_StillUsesCommasAndDots()
    {
        var figures = ProgressFixtures.Uniform(daily: 9_999, cumulative: 999_999);
        var invariant = DailyProgressComposer.Compose(figures, "武汉").Content;
        var culture = CultureInfo.CurrentCulture;

        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, DailyProgressComposer.Compose(figures, "武汉").Content);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
