using ChatPost.Bot.Announcements;

namespace ChatPost.Bot.Tests.Announcements;

public sealed class AnnouncementMarkdownTests
{
    [Theory]
    [InlineData("投递 **1,200** 件 <font color=\"info\">↑50（4.3%）</font>", "投递 **1,200** 件 **↑50（4.3%）**")]
    [InlineData("<font color=\"warning\">↓3.0%</font>", "**↓3.0%**")]
    [InlineData("<font color=\"comment\">持平</font>", "*持平*")]
    [InlineData("<font color=\"red\">x</font> <@zhangsan>", "x ")]
    [InlineData("# 每日通报\n> 交管：投递 1", "# 每日通报\n> 交管：投递 1")]
    public void ToMarkdownV2_NoFontColoursLeft(string markdown, string expected)
    {
        Assert.Equal(expected, AnnouncementMarkdown.ToMarkdownV2(markdown));
    }

    [Fact]
    public void ToMarkdownV2_ARealAnnouncement_KeepsItsTextWithoutAnyTag()
    {
        var markdown = DailyProgressComposer.Compose(ProgressFixtures.Uniform(1_200, 30_000), "襄阳").Content;

        var rendered = AnnouncementMarkdown.ToMarkdownV2(markdown);

        Assert.DoesNotContain("<font", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("</font>", rendered, StringComparison.Ordinal);
        Assert.StartsWith("# 每日通报 · ", rendered, StringComparison.Ordinal);
        Assert.Contains("**本市 · 襄阳**", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPlainText_NoMarkupAtAll()
    {
        Assert.Equal("每日通报\n交管：投递 1,200 ↑50\n持平", AnnouncementMarkdown.ToPlainText(
            "# 每日通报\n> 交管：投递 **1,200** <font color=\"info\">↑50</font>\n<font color=\"comment\">持平</font>"));
    }
}
