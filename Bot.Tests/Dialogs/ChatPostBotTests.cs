using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Features.Handoff;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Tests.Dialogs;

public class ChatPostBotTests
{
    [Theory]
    [InlineData("EA123456785CN到哪了", "EA123456785CN")]
    [InlineData("我的驾驶证 ea 123 456 785 cn 寄出来没有", "EA123456785CN")]
    [InlineData("查一下 EA123456785CN EB111222332CN 1234567890123 EA000000000CN", "EA123456785CN,EB111222332CN,1234567890123")]
    [InlineData("人工 EA123456785CN", "")]
    [InlineData("寄发票收邮费吗", "")]
    [InlineData("我的驾驶证到哪了", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Forecast_NamesWhatTheTrackingDialogWillLookUp(string? text, string expected)
    {
        using var harness = new ConversationHarness();

        var numbers = harness.Forecast.Forecast(text).TrackingNumbers;

        Assert.Equal(expected, string.Join(',', numbers));
    }

    [Fact]
    public async Task Greeting_FirstThenAgain_ShowsMenuOnlyTheFirstTime()
    {
        using var harness = new ConversationHarness();

        await harness.Flow()
            .Send("你好").AssertReply(GreetingReplies.FirstHello)
            .Send("在吗").AssertReply(GreetingReplies.Hello)
            .StartTestAsync();
    }

    [Fact]
    public async Task Thanks_AnyTime_ThanksBack()
    {
        using var harness = new ConversationHarness();

        await harness.Flow().Send("谢谢你们，辛苦了").AssertReply(FaqReplies.Thanks).StartTestAsync();
    }

    [Theory]
    [InlineData("人工")]
    [InlineData("转人工客服")]
    [InlineData("我要投诉，找你们负责人")]
    public async Task Handoff_AskingForAPerson_SendsHandoffActivity(string text)
    {
        using var harness = new ConversationHarness();

        await harness.Flow().Send(text).AssertReply(activity =>
        {
            Assert.Equal(ActivityTypes.Handoff, activity.Type);
            Assert.Equal(HandoffReplies.Transferring, ((Activity)activity).Text);
        }).StartTestAsync();
    }

    [Fact]
    public async Task Other_UnrelatedQuestion_SaysSoAndShowsMenu()
    {
        using var harness = new ConversationHarness();

        await harness.Flow().Send("今天天气怎么样").AssertReply(FaqReplies.NoMatch + "\n" + GreetingReplies.Menu).StartTestAsync();
    }

    [Theory]
    [InlineData("菜单")]
    [InlineData("帮助")]
    [InlineData("？")]
    public async Task Menu_AskingForIt_ShowsMenu(string text)
    {
        using var harness = new ConversationHarness();

        await harness.Flow().Send(text).AssertReply(GreetingReplies.Menu).StartTestAsync();
    }

    [Fact]
    public async Task Follow_NewFollower_IsWelcomed()
    {
        using var harness = new ConversationHarness();
        var follow = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("oNew")] };

        await harness.Flow().Send(follow).AssertReply(GreetingReplies.Welcome).StartTestAsync();
    }

    [Fact]
    public async Task Unfollow_ThenGreet_IsTreatedAsFirstVisitAgain()
    {
        using var harness = new ConversationHarness();
        var unfollow = new Activity(ActivityTypes.ConversationUpdate) { MembersRemoved = [new ChannelAccount("user1")] };

        await harness.Flow()
            .Send("你好").AssertReply(GreetingReplies.FirstHello)
            .Send(unfollow)
            .Send("你好").AssertReply(GreetingReplies.FirstHello)
            .StartTestAsync();
    }

    [Fact]
    public async Task Unfollow_MidQuestion_ForgetsTheQuestion()
    {
        using var harness = new ConversationHarness();
        var unfollow = new Activity(ActivityTypes.ConversationUpdate) { MembersRemoved = [new ChannelAccount("user1")] };

        await harness.Flow()
            .Send("查询物流").AssertReply(TrackingReplies.AskNumber)
            .Send(unfollow)
            .Send("随便说点什么").AssertReply(FaqReplies.NoMatch + "\n" + GreetingReplies.Menu)
            .StartTestAsync();
    }
}
