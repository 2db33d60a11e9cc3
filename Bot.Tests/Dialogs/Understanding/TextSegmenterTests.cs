using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed class TextSegmenterTests
{
    [Theory]
    [InlineData("邮寄发票", new[] { "邮寄", "寄发", "发票" })]
    [InlineData("郵寄發票", new[] { "邮寄", "寄发", "发票" })]
    [InlineData("书", new[] { "书" })]
    [InlineData("寄 书", new[] { "寄", "书" })]
    [InlineData("EMS单号", new[] { "ems", "单号" })]
    [InlineData("ＥＭＳ单号", new[] { "ems", "单号" })]
    [InlineData("在12123上申请", new[] { "在", "12123", "上申", "申请" })]
    [InlineData("邮费，多少钱？", new[] { "邮费", "多少", "少钱" })]
    [InlineData("包邮包邮", new[] { "包邮", "邮包", "包邮" })]
    [InlineData("Hello, World", new[] { "hello", "world" })]
    [InlineData("。、！？ 😀", new string[0])]
    [InlineData("", new string[0])]
    public void Segment_Text_GivesBigramsAndAsciiWords(string text, string[] expected)
    {
        var sut = new TextSegmenter();

        var terms = sut.Segment(text);

        Assert.Equal(expected, terms);
    }

    [Fact]
    public void Segment_Null_Throws()
    {
        var sut = new TextSegmenter();

        Assert.Throws<ArgumentNullException>(() => sut.Segment(null!));
    }
}
