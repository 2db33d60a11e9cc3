using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Tests.Console;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Knowledge;

/// <summary>
/// What the bot could not answer, end to end over real Redis: citizens' pushes in, <c>GET /api/faq/unanswered</c> out, and
/// the store itself searched for anything personal; and <c>POST /api/faq/explain</c>.
/// </summary>
public partial class UnansweredTests
{
    private const string OpenId = "oPrivacyTester0123456789abcdef";

    // What the messages below carry that is personal; none of it may reach the store or the list.
    private static readonly string[] Personal =
    [
        OpenId, "13800001234", "138 0000 1234", "13900005678", "420106199001011234", "EA123456785CN", "91429005MA4951234A",
        "FP20200217000123", "wxid_abc123456", "zhang.wei@example.com", "一三八零零零零一二三四", "张伟", "王芳", "李建国", "赵",
    ];

    // Said in one breath, as voice recognition writes it: one question each, which the bot cannot answer or hands to a person.
    private static readonly string[] Messages =
    [
        "我叫张伟电话13800001234身份证420106199001011234我要投诉投递员",
        "我是王芳手机138 0000 1234单号EA123456785CN转人工",
        "纳税人识别号91429005MA4951234A申请编号FP20200217000123收件人李建国我要找人工客服",
        "我的微信号wxid_abc123456邮箱zhang.wei@example.com赵女士想问彩票怎么中奖",
        "我的手机号是一三八零零零零一二三四电话13900005678我要投诉",
    ];

    [Fact]
    public async Task MessagesFullOfPersonalData_TheStoreAndTheListHoldNoneOfIt()
    {
        var prefix = TestRedis.Prefix();
        await using var factory = Factory(prefix);
        var bot = new BotClient(factory.CreateClient(), OpenId);
        foreach (var message in Messages)
        {
            await bot.AskAsync(message);
        }

        var list = await UntilListedAsync(Admin(factory), expectedCount: Messages.Length);
        var stored = await StoredTextAsync(prefix);

        Assert.Equal(Messages.Length * 2, stored.Questions.Count); // each in the counts and in what the bot chose
        Assert.All(Personal, personal => Assert.DoesNotContain(personal, stored.Text, StringComparison.Ordinal));
        Assert.All(Personal, personal => Assert.DoesNotContain(personal, list.ToJsonString(), StringComparison.Ordinal));
        Assert.DoesNotMatch(LongNumber(), stored.Text);
        Assert.Contains(stored.Questions, question => question.Contains("彩票怎么中奖", StringComparison.Ordinal));
        Assert.Contains(stored.Questions, question => question.Contains("我要投诉投递员", StringComparison.Ordinal));
        Assert.All(stored.TimesToLive, ttl => Assert.InRange(ttl, TimeSpan.FromDays(89), TimeSpan.FromDays(90)));
    }

    [Fact]
    public async Task SameQuestionInOtherWords_IsOneGroupMostFrequentFirstWithWhatTheBotChose()
    {
        await using var factory = Factory(TestRedis.Prefix());
        var bot = new BotClient(factory.CreateClient());
        string[] asked = ["股票什么时候涨", "股票什么时候涨", "股票什么时候会涨呢", "今天天气怎么样", "今天天气怎么样啊", "转人工"];
        foreach (var message in asked)
        {
            await bot.AskAsync(message);
        }

        var list = await UntilListedAsync(Admin(factory), expectedCount: asked.Length);
        var groups = list["questions"]!.AsArray();

        Assert.True((int)list["groups"]! == 3, list.ToJsonString());
        Assert.Equal(("股票什么时候涨", 3L, "no-match"), ((string)groups[0]!["question"]!, (long)groups[0]!["count"]!, (string)groups[0]!["reason"]!));
        Assert.Equal(["股票什么时候涨", "股票什么时候会涨呢"], groups[0]!["wordings"]!.AsArray().Select(wording => (string)wording!["question"]!));
        Assert.Equal(("今天天气怎么样", 2L), ((string)groups[1]!["question"]!, (long)groups[1]!["count"]!));
        Assert.Equal(("转人工", "handoff"), ((string)groups[2]!["question"]!, (string)groups[2]!["reason"]!));
    }

    [Fact]
    public async Task AQuestionTriedInTheConsolesSandbox_IsNotCountedNorItsIntent_WhileTheSameFromACitizenIs()
    {
        const string Question = "股票什么时候涨";
        await using var factory = Factory(TestRedis.Prefix());
        using var console = new ConsoleClient(factory);
        Assert.True(await console.SignInAsync(StaffSetup.AdminKey));
        using var intents = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(), ConversationMetrics.MeterName, "chatpost.turns");

        var tried = await TryInSandboxAsync(console, Question, 7001);
        var citizen = new BotClient(factory.CreateClient());
        var asked = await citizen.AskAsync(Question);
        // Another question the bot cannot answer, from the same citizen: the writer stores in order, so once it is listed,
        // whatever was noted before it (the sandbox's question too, had it been noted) is counted.
        await citizen.AskAsync("今天天气怎么样");
        var list = await UntilListedAsync(Admin(factory), expectedCount: 2);

        Assert.Equal(HttpStatusCode.OK, tried.StatusCode);
        Assert.Contains(FaqReplies.NoMatch, await tried.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the sandbox got the bot's answer
        Assert.Contains(FaqReplies.NoMatch, asked, StringComparison.Ordinal);
        var counts = list["questions"]!.AsArray().ToDictionary(group => (string)group!["question"]!, group => (long)group!["count"]!);
        Assert.Equal(new Dictionary<string, long> { [Question] = 1, ["今天天气怎么样"] = 1 }, counts);
        // The intent counts too are the citizens': two messages, not three.
        Assert.Equal(2, intents.GetMeasurementSnapshot().Sum(measurement => measurement.Value));
    }

    [Fact]
    public async Task ATrackingQuestionTriedInTheConsolesSandbox_IsNotCountedAsACitizensIntent()
    {
        const string Question = "EA123456785CN到哪了"; // a citizen with no conversation yet is answered in one step, without a turn
        await using var factory = Factory(TestRedis.Prefix());
        using var console = new ConsoleClient(factory);
        Assert.True(await console.SignInAsync(StaffSetup.AdminKey));
        using var intents = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(), ConversationMetrics.MeterName, "chatpost.turns");

        var tried = await TryInSandboxAsync(console, Question, 7002);
        var asked = await new BotClient(factory.CreateClient()).AskAsync(Question);

        Assert.Equal(HttpStatusCode.OK, tried.StatusCode);
        Assert.Contains("EA123456785CN", await tried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("EA123456785CN", asked, StringComparison.Ordinal);
        Assert.Equal([("Tracking", 1L)], intents.GetMeasurementSnapshot()
            .Select(measurement => ((string)measurement.Tags["intent"]!, measurement.Value)));
    }

    [Fact]
    public async Task Explain_TwoQuestions_EachWithItsEntryAndWhyAndNothingNoted()
    {
        await using var factory = Factory(TestRedis.Prefix());
        var admin = Admin(factory);

        var response = await admin.PostAsJsonAsync("/api/faq/explain", new { question = "邮局几点开门？发票免费邮寄到什么时候" });
        var explained = await response.Content.ReadFromJsonAsync<JsonObject>();
        var nothing = await admin.PostAsJsonAsync("/api/faq/explain", new { question = "股票什么时候涨" });
        await Task.Delay(300);
        var list = await admin.GetFromJsonAsync<JsonObject>("/api/faq/unanswered");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answers = explained!["answers"]!.AsArray();
        Assert.Equal(["post-office", "invoice-postage-free"], answers.Select(answer => (string)answer!["target"]!));
        Assert.All(answers, answer => Assert.Equal("faq", (string?)answer!["kind"]));
        Assert.All(answers, answer => Assert.Contains((string)answer!["target"]!, (string)answer["why"]!, StringComparison.Ordinal));
        Assert.Contains("发票", answers[1]!["matchedTerms"]!.AsArray().Select(term => (string)term!));
        Assert.NotEmpty(explained["candidates"]!.AsArray());
        Assert.Equal("noAnswer", (string?)(await nothing.Content.ReadFromJsonAsync<JsonObject>())!["answers"]![0]!["kind"]);
        Assert.Empty(list!["questions"]!.AsArray());
    }

    [Theory]
    [InlineData("GET", "/api/faq/unanswered?days=0", null)]
    [InlineData("GET", "/api/faq/unanswered?days=91", null)]
    [InlineData("GET", "/api/faq/unanswered?limit=0", null)]
    [InlineData("GET", "/api/faq/unanswered?days=abc", null)]
    [InlineData("POST", "/api/faq/explain", """{ "question": "" }""")]
    [InlineData("POST", "/api/faq/explain", """{ "question": 5 }""")]
    [InlineData("POST", "/api/faq/explain", """{ "question": "你好", "extra": 1 }""")]
    public async Task BadRequest_IsA400(string method, string url, string? body)
    {
        await using var factory = Factory(TestRedis.Prefix());

        var response = await Admin(factory).SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The list once the background writer has counted <paramref name="expectedCount"/> questions (at most 5 s).</summary>
    private static async Task<JsonObject> UntilListedAsync(HttpClient admin, int expectedCount)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var list = (await admin.GetFromJsonAsync<JsonObject>("/api/faq/unanswered"))!;
            if (list["questions"]!.AsArray().Sum(group => (long)group!["count"]!) >= expectedCount || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return list;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Everything stored under the unanswered keys of <paramref name="prefix"/>: fields and values, and the keys' times to live.</summary>
    private static async Task<(string Text, IReadOnlyList<string> Questions, IReadOnlyList<TimeSpan> TimesToLive)> StoredTextAsync(string prefix)
    {
        var db = TestRedis.Connection.GetDatabase();
        var keys = TestRedis.Connection.GetServers().SelectMany(server => server.Keys(pattern: prefix + "*faq-unanswered*")).ToList();
        var text = new List<string>();
        var questions = new List<string>();
        var ttls = new List<TimeSpan>();
        foreach (var key in keys)
        {
            var fields = await db.HashGetAllAsync(key);
            // The values are JSON, which escapes Chinese as \uXXXX: read them back to search what they say.
            text.AddRange(fields.SelectMany(field => new[] { (string)field.Name!, Readable((string)field.Value!) }));
            questions.AddRange(fields.Select(field => (string)field.Name!));
            ttls.Add((await db.KeyTimeToLiveAsync(key)) ?? TimeSpan.Zero);
        }

        return (string.Join('\n', text), questions, ttls);
    }

    private static string Readable(string value) => value.StartsWith('{') ? string.Join('\n', JsonNode.Parse(value)!.AsObject()
        .Where(pair => pair.Key is "question" or "entryId").Select(pair => pair.Value?.ToString())) : value;

    /// <summary>Asks the citizens' bot <paramref name="text"/> in the console's 对话测试, as message <paramref name="messageId"/>.</summary>
    private static Task<HttpResponseMessage> TryInSandboxAsync(ConsoleClient console, string text, int messageId) =>
        console.PostPageFormAsync("/console/try", "sandbox", new MultipartFormDataContent
        {
            { new StringContent("citizens"), "bot" }, { new StringContent("0123456789abcdef"), "conversation" },
            { new StringContent(messageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "message" }, { new StringContent(text), "text" },
        });

    private static ChatPostFactory Factory(string prefix) =>
        new(prefix, settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = StaffSetup.AdminKey });

    private static HttpClient Admin(ChatPostFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffSetup.AdminKey);
        return client;
    }

    // Three digits or more in a row, other than the public service numbers the list may name.
    [GeneratedRegex(@"(?<!\d)(?!(?:12123|11183|11185|12366|12345)(?!\d))\d{3,}")]
    private static partial Regex LongNumber();
}
