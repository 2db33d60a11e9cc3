using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed partial class CitizenRecognizerTests
{
    [Theory]
    [InlineData("算了", Intent.Other)]
    [InlineData("取消", Intent.Other)]
    [InlineData("不查了", Intent.Other)]
    [InlineData("退出", Intent.Other)]
    [InlineData("算了吧", Intent.Other)]
    [InlineData("那算了，不查了", Intent.Other)]
    [InlineData("我不查了", Intent.Other)]
    [InlineData("不用了，谢谢", Intent.Thanks)]
    [InlineData("好的不用了", Intent.Thanks)]
    [InlineData("没事了", Intent.Other)]
    [InlineData("不要了！", Intent.Other)]
    [InlineData("取消取消", Intent.Other)]
    [InlineData("Cancel", Intent.Other)]
    [InlineData("算了 再见", Intent.Other)]
    [InlineData("  算了。 ", Intent.Other)]
    public void Recognize_OnlyAStop_IsCancel(string text, Intent intent)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.True(understanding.IsCancel);
        Assert.Equal(intent, understanding.Intent);
    }

    [Theory]
    [InlineData("算了，转人工", Intent.Handoff)]
    [InlineData("取消发票申请怎么弄", Intent.InvoiceHowTo)]
    [InlineData("不查了 EA123456785CN 算了还是查一下", Intent.Tracking)]
    [InlineData("查一下", Intent.Tracking)]
    [InlineData("谢谢", Intent.Thanks)]
    [InlineData("我的快递到哪了", Intent.Tracking)]
    [InlineData("", Intent.Other)]
    public void Recognize_AsksForSomething_IsNotCancel(string text, Intent intent)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.False(understanding.IsCancel);
        Assert.Equal(intent, understanding.Intent);
    }
}
