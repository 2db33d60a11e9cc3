using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Knowledge;

/// <summary>
/// Two real service processes sharing one Redis: a change made through one — an edit, a revert, an entry disabled — answers on
/// the other within 5 s (the console says 1 s, the refresh interval; the promise is 5 s).
/// </summary>
public class KnowledgeReplicasTests
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ChangeOnOneReplica_AnswersOnTheOtherWithinFiveSeconds_RevertComesBack_AndADisabledEntryStopsThere()
    {
        const string Question = "怎么联系你们";
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
        var original = await new BotClient(second.CreateClient()).AskAsync(Question);

        var changed = await Admin(first).PutAsJsonAsync("/api/faq/contacts", new { questions = new[] { Question }, answer = "副本之间的新答案" });
        var seenOnSecond = await TimeUntilAsync(second, Question, answer => answer == "副本之间的新答案");
        var reverted = await Admin(second).PostAsJsonAsync("/api/faq/contacts/revert", new { });
        var seenOnFirst = await TimeUntilAsync(first, Question, answer => answer == original);
        var disabled = await Admin(first).PutAsJsonAsync("/api/faq/contacts", new { questions = new[] { Question }, answer = original, enabled = false });
        var goneOnSecond = await TimeUntilAsync(second, Question, answer => answer != original);

        changed.EnsureSuccessStatusCode();
        reverted.EnsureSuccessStatusCode();
        disabled.EnsureSuccessStatusCode();
        Assert.True(seenOnSecond < Promise, $"the change reached the other replica after {seenOnSecond}");
        Assert.True(seenOnFirst < Promise, $"the revert reached the other replica after {seenOnFirst}");
        Assert.True(goneOnSecond < Promise, $"the other replica still answered with the disabled entry after {goneOnSecond}");
    }

    /// <summary>How long until <paramref name="replica"/> answers <paramref name="question"/> as <paramref name="expected"/> (gives up after twice the promise).</summary>
    private static async Task<TimeSpan> TimeUntilAsync(BotProcess replica, string question, Func<string, bool> expected)
    {
        var bot = new BotClient(replica.CreateClient());
        var clock = Stopwatch.StartNew();
        while (!expected(await bot.AskAsync(question)) && clock.Elapsed < 2 * Promise)
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
