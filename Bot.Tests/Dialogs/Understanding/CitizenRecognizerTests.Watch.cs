using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed partial class CitizenRecognizerTests
{
    [Theory]
    [InlineData("提醒", Intent.Watch)]
    [InlineData("提醒我", Intent.Watch)]
    [InlineData("好的，提醒我一下", Intent.Watch)]
    [InlineData("有进展通知我", Intent.Watch)]
    [InlineData("到了告诉我", Intent.Watch)]
    [InlineData("别忘了提醒我", Intent.Watch)]
    [InlineData("订阅", Intent.Watch)]
    [InlineData("提醒 EA123456785CN", Intent.Watch)]
    [InlineData("提醒我FP20200217000123", Intent.Watch)]
    [InlineData("提醞", Intent.Other)] // a typo is not a command
    [InlineData("取消提醒", Intent.Unwatch)]
    [InlineData("取消全部提醒", Intent.Unwatch)]
    [InlineData("不用再提醒了", Intent.Unwatch)]
    [InlineData("别通知我了", Intent.Unwatch)]
    [InlineData("关闭提醒 EA123456785CN", Intent.Unwatch)]
    [InlineData("我的提醒", Intent.ListWatches)]
    [InlineData("查看提醒", Intent.ListWatches)]
    [InlineData("我都有哪些提醒", Intent.ListWatches)]
    [InlineData("提醒列表", Intent.ListWatches)]
    [InlineData("短信提醒说驾驶证已寄出，到哪了", Intent.Tracking)]
    [InlineData("EA123456785CN 有提醒短信吗", Intent.Tracking)]
    [InlineData("怎么设置到货提醒", Intent.Other)]
    [InlineData("取消", Intent.Other)]
    public void Recognize_NotificationCommand_OnlyWhenThatIsAllTheMessageSays(string text, Intent intent)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(intent, understanding.Intent);
    }
}
