using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Knowledge;

/// <summary>Two real service processes sharing one Redis: a change made through one answers on the other within 5 s.</summary>
public class KnowledgeReplicasTests
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ChangeOnOneReplica_AnswersOnTheOtherWithinFiveSecondsAndRevertComesBack()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = TestRedis.Configuration,
            ["Redis:KeyPrefix"] = TestRedis.Prefix(),
            ["Admin:ApiKey"] = StaffSetup.AdminKey,
            ["WeChat:OfficialAccount:AppId"] = ChatPostFactory.AppId,
            ["WeChat:OfficialAccount:Token"] = ChatPostFactory.Token,
            ["WeChat:OfficialAccount:EncodingAESKey"] = ChatPostFactory.EncodingAesKey,
        };
        await using var first = await BotProcess.StartAsync(settings);
        await using var second = await BotProcess.StartAsync(settings);
        var original = await new BotClient(second.CreateClient()).AskAsync("怎么联系你们");

        var changed = await Admin(first).PutAsJsonAsync("/api/faq/contacts", new { questions = new[] { "怎么联系你们" }, answer = "副本之间的新答案" });
        var seenOnSecond = await TimeUntilAsync(second, "怎么联系你们", "副本之间的新答案");
        var reverted = await Admin(second).PostAsJsonAsync("/api/faq/contacts/revert", new { });
        var seenOnFirst = await TimeUntilAsync(first, "怎么联系你们", original);

        changed.EnsureSuccessStatusCode();
        reverted.EnsureSuccessStatusCode();
        Assert.True(seenOnSecond < Promise, $"the change reached the other replica after {seenOnSecond}");
        Assert.True(seenOnFirst < Promise, $"the revert reached the other replica after {seenOnFirst}");
    }

    /// <summary>How long until <paramref name="replica"/> answers <paramref name="question"/> with <paramref name="expected"/> (gives up after twice the promise).</summary>
    private static async Task<TimeSpan> TimeUntilAsync(BotProcess replica, string question, string expected)
    {
        var bot = new BotClient(replica.CreateClient());
        var clock = Stopwatch.StartNew();
        while (await bot.AskAsync(question) != expected && clock.Elapsed < 2 * Promise)
        {
            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    private static HttpClient Admin(BotProcess replica)
    {
        var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffSetup.AdminKey);
        return client;
    }
}
