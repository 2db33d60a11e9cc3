using ChatPost.Bot.Dialogs.Privacy;

namespace ChatPost.Bot.Tests.Dialogs.Privacy;

public class AnonymousQuestionTests
{
    [Theory]
    [InlineData("我的电话13800001234能查吗", "我的电话#能查吗")]
    [InlineData("手机 138 0000 1234 股票", "手机 # 股票")]
    [InlineData("EA123456785CN和EB111222332CN都没到", "#和#都没到")]
    [InlineData("身份证420106199001011234补办", "身份证#补办")]
    [InlineData("税号91429005MA4951234A 编号FP20200217000123", "税号# 编号#")]
    [InlineData("微信wxid_abc123456 邮箱zhang.wei@example.com", "微信# 邮箱#")]
    [InlineData("我的手机是一三八零零零零一二三四", "我的手机是#")]
    [InlineData("我叫张伟，想问邮费", "我叫某，想问邮费")]
    [InlineData("我是王芳想问一下", "我是某想问一下")]
    [InlineData("收件人：李建国 地址填错了", "收件人：某 地址填错了")]
    [InlineData("王先生的快递", "某先生的快递")]
    [InlineData("12123 App怎么办证 11185投诉", "12123 App怎么办证 11185投诉")]
    [InlineData("12123app上几天能到", "12123app上几天能到")]
    [InlineData("发票4月30日截止吗 要3天", "发票4月30日截止吗 要3天")]
    [InlineData("我是想问邮费", "我是想问邮费")]
    public void From_PersonalDataInAQuestion_IsTakenOut(string question, string expected)
    {
        Assert.Equal(expected, AnonymousQuestion.From(question));
    }

    [Fact]
    public void From_LongText_IsCut()
    {
        Assert.Equal(AnonymousQuestion.MaxLength, AnonymousQuestion.From(new string('问', 300)).Length);
    }
}
