using System.Reflection;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed class ChineseScriptTests
{
    [Theory]
    [InlineData("郵件現在在哪裡", "邮件现在在哪里")]
    [InlineData("發票申請進度查詢", "发票申请进度查询")]
    [InlineData("駕駛證到期了怎麼辦", "驾驶证到期了怎么办")]
    [InlineData("謝謝你們，辛苦了", "谢谢你们,辛苦了")]
    [InlineData("甚麼時候寄到", "什么时候寄到")]
    [InlineData("甚么时候", "什么时候")]
    [InlineData("著名的顯著成果", "著名的显著成果")]
    [InlineData("等著收件", "等着收件")]
    [InlineData("後天", "后天")]
    [InlineData("襄陽 荊州 隨州 黃岡 潛江 天門 神農架 鹹寧", "襄阳 荆州 随州 黄冈 潜江 天门 神农架 咸宁")]
    [InlineData("裏面", "里面")]
    [InlineData("俱乐部", "俱乐部")]
    [InlineData("ＥＡ１２３４５６７８５ＣＮ", "EA123456785CN")]
    [InlineData("ｆｐ２０２０", "fp2020")]
    [InlineData("在吗？！（急）", "在吗?!(急)")]
    [InlineData("EA　123", "EA 123")]
    [InlineData("句号。顿号、不变", "句号。顿号、不变")]
    [InlineData("emoji 😀 stays", "emoji 😀 stays")]
    public void ToSimplified_Text_FoldsScriptAndWidth(string text, string expected)
    {
        var folded = ChineseScript.ToSimplified(text);

        Assert.Equal(expected, folded);
        Assert.Equal(text.Length, folded.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("邮件现在在哪里")]
    [InlineData("EA123456785CN")]
    public void ToSimplified_NothingToFold_ReturnsSameInstance(string text)
    {
        var folded = ChineseScript.ToSimplified(text);

        Assert.Same(text, folded);
    }

    [Fact]
    public void ToSimplified_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChineseScript.ToSimplified(null!));
    }

    [Theory]
    [InlineData('郵', '邮')]
    [InlineData('發', '发')]
    [InlineData('髮', '发')]
    [InlineData('Ａ', 'A')]
    [InlineData('　', ' ')]
    [InlineData('邮', '邮')]
    [InlineData('a', 'a')]
    public void ToSimplified_Char_IsTableLookup(char c, char expected)
    {
        Assert.Equal(expected, ChineseScript.ToSimplified(c));
    }

    [Fact]
    public void Table_EveryMapping_IsOneIdeographToAnotherInCodePointOrder()
    {
        var (traditional, simplified) = Table();

        Assert.Equal(traditional.Length, simplified.Length);
        Assert.InRange(traditional.Length, 2500, 3200);
        Assert.Equal(traditional.Order().ToArray(), traditional.ToCharArray());
        Assert.Equal(traditional.Length, traditional.Distinct().Count());
        Assert.All(traditional.Zip(simplified), pair =>
        {
            Assert.NotEqual(pair.First, pair.Second);
            Assert.True(IsIdeograph(pair.First) && IsIdeograph(pair.Second), $"{pair.First} → {pair.Second}");
        });
    }

    [Fact]
    public void Table_Folding_IsIdempotent()
    {
        var (_, simplified) = Table();

        Assert.Equal(simplified, ChineseScript.ToSimplified(simplified));
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>The generated constants, read back so that the table's shape is checked rather than trusted.</summary>
    private static (string Traditional, string Simplified) Table()
    {
        static string Constant(string name) =>
            (string)typeof(ChineseScript).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;

        return (Constant("TraditionalChars"), Constant("SimplifiedChars"));
    }
}
