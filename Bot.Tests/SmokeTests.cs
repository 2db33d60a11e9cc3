namespace ChatPost.Bot.Tests;

public class SmokeTests
{
    [Fact]
    public void Bot_CanBeCreated() => Assert.NotNull(new ChatPost.Bot.Dialogs.ChatPostBot());
}
