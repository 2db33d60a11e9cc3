using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Hosting;

/// <summary>The real process refuses to start on a bad setting: one line naming the key, a non-zero exit.</summary>
public class StartupValidationTests
{
    [Theory]
    [InlineData("WeChat:OfficialAccount:EncodingAESKey", "abcde", "EncodingAESKey")]
    [InlineData("Announcements:DailyProgress:Cron", "every morning", "Cron")]
    [InlineData("Groups:0:Id", "g0", "Groups:0:WebhookKey")]
    [InlineData("Scheduler:Clustered", "true", "Scheduler:ConnectionString")]
    [InlineData("WeCom:Robot:Token", "robottoken", "WeCom:Robot:BotId")]
    public async Task Start_BadSetting_ExitsWithOneLineNamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Groups", StringComparison.Ordinal))
        {
            settings["Groups:0:Name"] = "工作群";
        }

        await using var bot = await BotProcess.StartAsync(settings, waitUntilHealthy: false);
        var exitCode = await bot.WaitForExitAsync();

        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Output, output => output.Length > 0);
        Assert.StartsWith("ChatPost cannot start, invalid configuration: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }
}
