using System.Globalization;
using System.Text;
using ChatPost.Bot.Channels.WeCom.GroupRobot;

namespace ChatPost.Bot.Tests.Channels.WeCom.GroupRobot;

public class RobotMessageSplitterTests
{
    private const string Family = "👨‍👩‍👧"; // one grapheme cluster of 18 bytes: three emoji joined by ZWJs
    private const string Flag = "🇨🇳";    // two regional indicators, 8 bytes
    private const string Accented = "e\u0301"; // e + combining acute, 3 bytes

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// At a limit of 64 bytes a first part holds 39 bytes, a middle part 25, and the last part 50
    /// (markers: 25 bytes at the end, 14 at the start).
    /// </summary>
    public static TheoryData<string, string, string[]> Cuts64 => new()
    {
        { "exactly at the limit", new string('a', 64), [new string('a', 64)] },
        { "one byte over", new string('a', 65), [new string('a', 39), new string('a', 26)] },
        { "Chinese at the limit", Repeat("中", 21) + "a", [Repeat("中", 21) + "a"] },
        { "Chinese one byte over", Repeat("中", 21) + "é", [Repeat("中", 13), Repeat("中", 8) + "é"] },
        { "line breaks", "line one is here\nline two is here\nline three here\nline four is here",
            ["line one is here\nline two is here", "line three here\nline four is here"] },
        { "CRLF line breaks", "line one is here\r\nline two is here\r\nline three here\r\nline four is here",
            ["line one is here\r\nline two is here", "line three here\r\nline four is here"] },
        { "sentence end", "今天天气很好。我们去公园散步吧。然后回家吃饭", ["今天天气很好。", "我们去公园散步吧。然后回家吃饭"] },
        { "Chinese comma kept", "今天天气很好，我们去公园散步吧然后回家吃饭啊", ["今天天气很好，", "我们去公园散步吧然后回家吃饭啊"] },
        { "space dropped", "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu",
            ["alpha beta gamma delta epsilon zeta eta", "theta iota kappa lambda mu"] },
        { "early line break ignored", "ab\n" + Repeat("中", 21), ["ab\n" + Repeat("中", 12), Repeat("中", 9)] },
        { "emoji", Repeat("😀", 17), [Repeat("😀", 9), Repeat("😀", 8)] },
        { "ZWJ family kept whole", Repeat(Family, 4), [Repeat(Family, 2), Repeat(Family, 2)] },
        { "flags kept whole", Repeat(Flag, 9), [Repeat(Flag, 4), Repeat(Flag, 5)] },
        { "combining mark kept", Repeat(Accented, 22), [Repeat(Accented, 13), Repeat(Accented, 9)] },
        { "mention kept whole", new string('x', 30) + "<@wangqing_longid>" + new string('y', 20),
            [new string('x', 30), "<@wangqing_longid>" + new string('y', 20)] },
        { "three parts", Repeat("中", 35), [Repeat("中", 13), Repeat("中", 8), Repeat("中", 14)] },
    };

    /// <summary>At 100 bytes: first part 75, middle 61, last 86.</summary>
    public static TheoryData<string, string, string[]> MarkdownCuts100 => new()
    {
        { "font span kept whole", new string('a', 40) + "<font color=\"info\">" + new string('b', 10) + " " + new string('b', 20) + "</font> tail",
            [new string('a', 40), "<font color=\"info\">" + new string('b', 10) + " " + new string('b', 20) + "</font> tail"] },
        { "font span longer than a part is closed and reopened", "<font color=\"warning\">" + Repeat("警", 30) + "</font>",
            ["<font color=\"warning\">" + Repeat("警", 15) + "</font>", "<font color=\"warning\">" + Repeat("警", 15) + "</font>"] },
        { "link kept whole", new string('a', 50) + " [运单](https://example.com/track?no=1)" + new string('c', 20),
            [new string('a', 50), "[运单](https://example.com/track?no=1)" + new string('c', 20)] },
        { "bold kept whole", new string('a', 40) + "**襄阳 滞留 邮件 共计 十五 件**" + new string('c', 20),
            [new string('a', 40), "**襄阳 滞留 邮件 共计 十五 件**" + new string('c', 20)] },
        { "heading lines", "# 每日通报\n" + Repeat("武汉 已签收 1200 件\n", 4),
            ["# 每日通报\n" + Repeat("武汉 已签收 1200 件\n", 2).TrimEnd('\n'), Repeat("武汉 已签收 1200 件\n", 2)] },
    };

    [Theory]
    [MemberData(nameof(Cuts64))]
    public void SplitContent_Text_CutsAtTheExpectedPlaces(string scenario, string content, string[] chunks)
    {
        var parts = RobotMessageSplitter.SplitContent(content, 64, markdown: false);

        Assert.True(Marked(chunks).SequenceEqual(parts), $"{scenario}: got [{string.Join(" | ", parts)}]");
        AssertWellFormed(parts, content, 64);
    }

    [Theory]
    [MemberData(nameof(MarkdownCuts100))]
    public void SplitContent_Markdown_KeepsConstructsWhole(string scenario, string content, string[] chunks)
    {
        var parts = RobotMessageSplitter.SplitContent(content, 100, markdown: true);

        Assert.True(Marked(chunks).SequenceEqual(parts), $"{scenario}: got [{string.Join(" | ", parts)}]");
        Assert.All(parts, part => Assert.InRange(Encoding.UTF8.GetByteCount(part), 1, 100));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void SplitContent_AroundTheRealTextLimit_OnlyOverItSplits(int bytesOver)
    {
        // 682 × 3 bytes + 2 = 2048 bytes.
        var content = Repeat("邮", 682) + "ab" + new string('c', bytesOver);

        var parts = RobotMessageSplitter.SplitContent(content, RobotMessageSplitter.TextMaxBytes, markdown: false);

        Assert.Equal(bytesOver == 0 ? 1 : 2, parts.Count);
        AssertWellFormed(parts, content, RobotMessageSplitter.TextMaxBytes);
    }

    [Theory]
    [InlineData(RobotMessageSplitter.MarkdownMaxBytes, 1)]
    [InlineData(RobotMessageSplitter.MarkdownMaxBytes + 1, 2)]
    public void SplitContent_AroundTheRealMarkdownLimit_OnlyOverItSplits(int bytes, int expectedParts)
    {
        var content = new string('m', bytes);

        var parts = RobotMessageSplitter.SplitContent(content, RobotMessageSplitter.MarkdownMaxBytes, markdown: true);

        Assert.Equal(expectedParts, parts.Count);
        AssertWellFormed(parts, content, RobotMessageSplitter.MarkdownMaxBytes);
    }

    [Theory]
    [InlineData("中", 2000)]
    [InlineData("😀", 1500)]
    [InlineData(Family, 400)]
    [InlineData("a" + Flag + "中" + Accented, 700)]
    public void SplitContent_SingleLineLongerThanTheLimit_CutsBetweenCharactersWithinTheLimit(string unit, int count)
    {
        var content = Repeat(unit, count);

        var parts = RobotMessageSplitter.SplitContent(content, RobotMessageSplitter.TextMaxBytes, markdown: false);

        Assert.True(parts.Count > 1);
        AssertWellFormed(parts, content, RobotMessageSplitter.TextMaxBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void SplitContent_RandomMixedText_EveryPartWellFormed(int seed)
    {
        var random = new Random(seed);
        string[] units = ["中", "，", "。", " ", "\n", "a", "😀", Family, Flag, Accented, "<@lisi>", "\r\n", "**粗体**"];
        var content = string.Concat(Enumerable.Range(0, 3000).Select(_ => units[random.Next(units.Length)]));

        var text = RobotMessageSplitter.SplitContent(content, RobotMessageSplitter.TextMaxBytes, markdown: false);
        var markdown = RobotMessageSplitter.SplitContent(content, RobotMessageSplitter.MarkdownMaxBytes, markdown: true);

        AssertWellFormed(text, content, RobotMessageSplitter.TextMaxBytes);
        AssertWellFormed(markdown, content, RobotMessageSplitter.MarkdownMaxBytes);
    }

    [Fact]
    public void SplitContent_MoreThanNineParts_NumbersEveryPartWithTheWiderHeader()
    {
        var content = Repeat("中", 300);

        var parts = RobotMessageSplitter.SplitContent(content, 64, markdown: false);

        Assert.Equal(41, parts.Count);
        Assert.StartsWith("（续 2/41）\n", parts[1], StringComparison.Ordinal);
        Assert.StartsWith("（续 41/41）\n", parts[40], StringComparison.Ordinal);
        AssertWellFormed(parts, content, 64);
    }

    [Fact]
    public void SplitContent_LoneSurrogate_BecomesReplacementCharacter()
    {
        var parts = RobotMessageSplitter.SplitContent("a\uD83Db", 64, markdown: false);

        Assert.Equal(["a\uFFFDb"], parts);
    }

    [Fact]
    public void SplitContent_LimitTooSmallForMarkers_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RobotMessageSplitter.SplitContent("x", RobotMessageSplitter.MinMaxBytes - 1, markdown: false));
    }

    [Fact]
    public void Split_LongTextWithMentions_MentionsGoWithTheFirstPartOnly()
    {
        var message = new RobotMessage.Text(Repeat("通报内容\n", 400), ["wangqing", "@all"], ["13800001111"]);

        var parts = RobotMessageSplitter.Split(message).Cast<RobotMessage.Text>().ToList();

        Assert.Equal(3, parts.Count);
        Assert.Equal(["wangqing", "@all"], parts[0].MentionedUserIds!);
        Assert.Equal(["13800001111"], parts[0].MentionedMobiles!);
        Assert.All(parts.Skip(1), part => Assert.True(part.MentionedUserIds is null && part.MentionedMobiles is null));
    }

    [Fact]
    public void Split_MessagesThatFit_ComeBackAsTheyAre()
    {
        RobotMessage[] messages = [new RobotMessage.Text("你好"), new RobotMessage.Markdown("**你好**"), new RobotMessage.Image(new byte[] { 0x89, 0x50 })];

        var parts = messages.Select(message => RobotMessageSplitter.Split(message)).ToList();

        Assert.All(parts.Zip(messages), pair => Assert.Same(pair.Second, Assert.Single(pair.First)));
    }

    [Fact]
    public void ToString_AnyMessage_ShowsKindAndSizeButNeverContent()
    {
        RobotMessage[] messages = [new RobotMessage.Text("机密", ["zhangsan"]), new RobotMessage.Markdown("机密"), new RobotMessage.Image(new byte[3])];

        Assert.Equal(["text (6 bytes)", "markdown (6 bytes)", "image (3 bytes)"], messages.Select(message => message.ToString()));
    }

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    private static List<string> Marked(string[] chunks) => [.. chunks.Select((chunk, i) =>
        (i == 0 ? "" : RobotMessageSplitter.ContinuationHeader(i + 1, chunks.Length)) + chunk + (i == chunks.Length - 1 ? "" : RobotMessageSplitter.MoreFollows))];

    /// <summary>
    /// Within the limit, valid UTF-16, marked, and together the original text: only line breaks and spaces at the
    /// cuts are dropped, and no grapheme cluster is split between parts.
    /// </summary>
    private static void AssertWellFormed(IReadOnlyList<string> parts, string original, int maxBytes)
    {
        var chunks = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            Assert.InRange(StrictUtf8.GetByteCount(part), 1, maxBytes); // throws on a lone surrogate
            var header = i == 0 ? "" : RobotMessageSplitter.ContinuationHeader(i + 1, parts.Count);
            var footer = i == parts.Count - 1 ? "" : RobotMessageSplitter.MoreFollows;
            Assert.StartsWith(header, part, StringComparison.Ordinal);
            Assert.EndsWith(footer, part, StringComparison.Ordinal);
            chunks.Add(part[header.Length..^footer.Length]);
        }

        Assert.Equal(WithoutBlanks(original), WithoutBlanks(string.Concat(chunks)));
        var elements = chunks.Sum(chunk => new StringInfo(WithoutBlanks(chunk)).LengthInTextElements);
        Assert.Equal(new StringInfo(WithoutBlanks(original)).LengthInTextElements, elements);
    }

    private static string WithoutBlanks(string text) => string.Concat(text.Where(c => c is not (' ' or '\n' or '\r')));
}
