using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Features.Greeting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Tests.Dialogs;

public class ChatPostBotTests
{
    [Fact]
    public async Task Greeting_FirstThenAgain_ShowsMenuOnlyTheFirstTime()
    {
        var (adapter, bot) = CreateSut();

        await new TestFlow(adapter, bot)
            .Send("你好").AssertReply(GreetingReplies.FirstHello)
            .Send("您好！").AssertReply(GreetingReplies.Hello)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("菜单")]
    [InlineData("帮助")]
    [InlineData("随便说点什么")]
    public async Task Other_AnyNonGreeting_ShowsMenu(string text)
    {
        var (adapter, bot) = CreateSut();

        await new TestFlow(adapter, bot).Send(text).AssertReply(GreetingReplies.Menu).StartTestAsync();
    }

    [Fact]
    public async Task Follow_NewFollower_IsWelcomed()
    {
        var (adapter, bot) = CreateSut();
        var follow = adapter.MakeActivity();
        follow.Type = ActivityTypes.ConversationUpdate;
        follow.MembersAdded = [new ChannelAccount("oNew")];

        await new TestFlow(adapter, bot).Send(follow).AssertReply(GreetingReplies.Welcome).StartTestAsync();
    }

    [Fact]
    public async Task Unfollow_ThenGreet_IsTreatedAsFirstVisitAgain()
    {
        var (adapter, bot) = CreateSut();
        var unfollow = adapter.MakeActivity();
        unfollow.Type = ActivityTypes.ConversationUpdate;
        unfollow.MembersRemoved = [new ChannelAccount("user1")];

        await new TestFlow(adapter, bot)
            .Send("你好").AssertReply(GreetingReplies.FirstHello)
            .Send(unfollow)
            .Send("你好").AssertReply(GreetingReplies.FirstHello)
            .StartTestAsync();
    }

    private static (TestAdapter Adapter, ChatPostBot Bot) CreateSut()
    {
        var storage = new MemoryStorage();
        return (new TestAdapter(), new ChatPostBot(new ConversationState(storage), new UserState(storage), TimeProvider.System));
    }
}
