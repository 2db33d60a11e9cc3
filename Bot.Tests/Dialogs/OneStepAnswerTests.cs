using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Dialogs.Understanding;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ChatPost.Bot.Tests.Dialogs;

/// <summary>
/// The citizens' bot answers some messages in one step (no turn, no state): it may do so only where its full turn, on a
/// conversation with no state, says the same and leaves nothing to store.
/// </summary>
public class OneStepAnswerTests
{
    private static readonly DateTimeOffset Morning = new(2020, 3, 4, 8, 0, 0, TimeSpan.FromHours(8)); // two hours before the harness's clock

    /// <summary>Every labelled citizen line, and lines that mix a lookup with something else.</summary>
    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        foreach (var (_, text) in CitizenRecognizerTests.Lines("citizen-questions.tsv").Concat(CitizenRecognizerTests.Lines("citizen-questions-more.tsv")))
        {
            data.Add(text);
        }

        foreach (var text in new[]
                 {
                     "EA123456785CN到哪了", "EA123456785CN EB111222332CN 1173456789012 EA000000000CN", "EA123456785CN到哪了，寄发票收邮费吗",
                     "你好，EA123456785CN到哪了", "算了 EA123456785CN", "人工 EA123456785CN", "EA123456785CN 到了通知我", "EA123456789CN到哪了",
                     "取消提醒 EB111222332CN", "  eb111222332cn  ", "发票FP20200217000123到哪了", "EA123456785CN到哪了？谢谢",
                 })
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task OneStepAnswer_AnyCitizenMessage_IsTheFullTurnsAnswerOrNone(string text)
    {
        using var harness = Harness();
        var bot = harness.Services.GetRequiredService<IBot>();

        var oneStep = await AnswerAsync((IOneStepAnswers)bot, "oOneStep", text);
        var (replies, state) = await FullTurnAsync(harness, bot, "oFullTurn", text);

        if (oneStep is not null)
        {
            Assert.Equal(new[] { oneStep }, replies);
            Assert.True(LeavesNothingToStore(state), $"the full turn on '{text}' left state: {state}");
        }
    }

    [Fact]
    public async Task OneStepAnswer_TrackingQuestions_AreAnsweredInOneStep()
    {
        using var harness = Harness();
        var bot = (IOneStepAnswers)harness.Services.GetRequiredService<IBot>();

        Assert.Contains("EA123456785CN", await AnswerAsync(bot, "oCitizen", "EA123456785CN到哪了"), StringComparison.Ordinal);
        Assert.Contains("EB111222332CN", await AnswerAsync(bot, "oCitizen", "  eb111222332cn  "), StringComparison.Ordinal);
        Assert.Null(await AnswerAsync(bot, "oCitizen", "我的驾驶证到哪了")); // asks for the number: a dialog waits
        Assert.Null(await AnswerAsync(bot, "oCitizen", "EA123456785CN到哪了，寄发票收邮费吗")); // two questions
    }

    [Fact]
    public async Task OneStepAnswer_OverTheQuota_RefusesAsTheTurnDoes()
    {
        using var harness = Harness(lookupsPerMinute: 1);
        var bot = (IOneStepAnswers)harness.Services.GetRequiredService<IBot>();

        await AnswerAsync(bot, "oEnumerator", "EA123456785CN到哪了");

        Assert.Equal(PrivacyReplies.TooManyLookups, await AnswerAsync(bot, "oEnumerator", "EB111222332CN到哪了"));
    }

    /// <summary>The bot's one-step answer to <paramref name="text"/>, as the callback asks for it: on the bot's own reading.</summary>
    private static Task<string?> AnswerAsync(IOneStepAnswers bot, string user, string text) =>
        bot.TryAnswerAsync(user, bot.Forecast(text), citizen: true, CancellationToken.None);

    private static ConversationHarness Harness(int lookupsPerMinute = 100) =>
        new ConversationHarness(new FakePostalRecords()
            .Add(new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Delivered, Morning, "襄州区", "已签收", null, null))
            .Add(new ShipmentEvent("EB111222332CN", Business.Textbook, "武汉", ShipmentStatus.InTransit, Morning, "武汉处理中心", "运输中", null, null))
            .Add(new ShipmentEvent("1173456789012", Business.Invoice, "潜江", ShipmentStatus.OutForDelivery, Morning, "潜江市园林投递站", "派送中",
                "13800005678", null)), lookupsPerMinute);

    /// <summary>The full turn of <paramref name="text"/> from <paramref name="user"/>: its replies' texts and the conversation's stored state.</summary>
    private static async Task<(string?[] Replies, JObject? State)> FullTurnAsync(ConversationHarness harness, IBot bot, string user, string text)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("wechat-mp", user, "chatpost"));
        await adapter.ProcessActivityAsync(MessageFactory.Text(text), bot.OnTurnAsync, CancellationToken.None);
        var replies = adapter.ActiveQueue.Select(activity => activity.Text).ToArray();
        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
        var stored = await harness.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        return (replies, stored.TryGetValue(key, out var state) ? JObject.FromObject(state) : null);
    }

    /// <summary>Nothing <see cref="RedisStorage"/> would write for a conversation it found without state.</summary>
    private static bool LeavesNothingToStore(JObject? state) => state is null || RedisStorage.IsEmpty(state);
}
