using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Channels.WeCom.AiRobot;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Features.StaffProgress;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static ChatPost.Bot.Tests.WeChat.RobotVectors;

namespace ChatPost.Bot.Tests.Channels.WeCom.AiRobot;

/// <summary><c>GET/POST /wechat/work/robot</c> in process, on the test Redis, with WeCom played by <see cref="FakeAiRobotPlatform"/>.</summary>
public sealed class AiRobotEndpointsTests : IAsyncLifetime
{
    private const string Chat = "wrChatOfXiangyang01";
    private FakeAiRobotPlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await FakeAiRobotPlatform.StartAsync();

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Get_R1_AnswersTheBarePlaintext()
    {
        await using var factory = Factory(maxSkew: "0");

        var response = await factory.CreateClient().GetAsync(R1Query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(R1Plain, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(R2Signature, R2EchoStr, HttpStatusCode.BadRequest)]
    [InlineData(R1Signature, R2EchoStr, HttpStatusCode.Unauthorized)]
    [InlineData("0000000000000000000000000000000000000000", R1EchoStr, HttpStatusCode.Unauthorized)]
    public async Task Get_CorpIdTailOrForgedSignature_IsRefused(string signature, string echostr, HttpStatusCode expected)
    {
        await using var factory = Factory(maxSkew: "0");

        var response = await factory.CreateClient().GetAsync(
            $"/wechat/work/robot?msg_signature={signature}&timestamp={Timestamp}&nonce={Nonce}&echostr={Uri.EscapeDataString(echostr)}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task GetAndPost_TokenUnset_Return404()
    {
        await using var factory = new ChatPostFactory(null);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(R1Query)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(_platform.Callback(_platform.Text("u", null, "进度")))).StatusCode);
    }

    [Fact]
    public async Task Post_R3_StripsTheMentionAndAnswersTheTurnInOneFinishedStream()
    {
        var settings = Settings(maxSkew: "0");
        settings["WeCom:Robot:BotId"] = "AIBOTID";
        settings["WeCom:Robot:Name"] = "RobotA";
        var bot = new EchoBot();
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: settings, services: services => Use(services, bot));
        var request = FakeAiRobotPlatform.Callback(R3Encrypt, Nonce, Timestamp);
        request.RequestUri = new Uri($"/wechat/work/robot?msg_signature={R3Signature}&timestamp={Timestamp}&nonce={Nonce}", UriKind.Relative);

        var response = await factory.CreateClient().SendAsync(request);

        var answer = _platform.Open(await response.Content.ReadAsStringAsync(), Nonce)!;
        Assert.Equal("stream", (string?)answer["msgtype"]);
        Assert.True((bool)answer["stream"]!["finish"]!);
        Assert.Equal("heard: hello robot (from USERID in group CHATID)", (string?)answer["stream"]!["content"]);
    }

    [Fact]
    public async Task Post_StaffBotAskedForItsMenu_AnswersItInTheStream()
    {
        await using var factory = Factory();

        var answer = await _platform.PostAsync(factory.CreateClient(), _platform.Text("zhangsan", Chat, $"@{FakeAiRobotPlatform.Name} 你能做什么"));

        Assert.True((bool)answer!["stream"]!["finish"]!);
        Assert.Equal(StaffProgressReplies.Menu, (string?)answer["stream"]!["content"]);
    }

    [Fact]
    public async Task Post_RetriedMessage_GetsTheSameStreamAndRunsOneTurn()
    {
        var bot = new EchoBot();
        await using var factory = Factory(services: services => Use(services, bot));
        var client = factory.CreateClient();
        var message = _platform.Text("lisi", Chat, "@邮政助手 进度");

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _platform.PostAsync(client, message)));
        var later = await _platform.PostAsync(client, message);

        Assert.Equal(1, bot.Turns);
        Assert.Single(answers.Append(later).Select(answer => (string?)answer!["stream"]!["id"]).Distinct());
        Assert.Equal("heard: 进度 (from lisi in group wrChatOfXiangyang01)", (string?)later!["stream"]!["content"]);
    }

    [Fact]
    public async Task Post_SlowTurn_PlaceholderFirstThenTheAnswerThroughRefreshes()
    {
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        await using var factory = Factory(firstReplyBudget: "00:00:00.100", services: services => Use(services, bot));
        var client = factory.CreateClient();

        var first = await _platform.PostAsync(client, _platform.Text("wangwu", Chat, "@邮政助手 进度"));
        var streamId = (string)first!["stream"]!["id"]!;
        var waiting = await _platform.PostAsync(client, FakeAiRobotPlatform.Refresh("wangwu", Chat, streamId));
        bot.Gate.SetResult();
        var done = await RefreshUntilFinishedAsync(client, "wangwu", streamId);

        Assert.False((bool)first["stream"]!["finish"]!);
        Assert.Equal("正在查询，请稍候…", (string?)first["stream"]!["content"]);
        Assert.False((bool)waiting!["stream"]!["finish"]!);
        Assert.Equal("reply #1", (string?)done["content"]);
        Assert.Empty(_platform.ResponsePosts);
    }

    [Fact]
    public async Task Post_TurnOutlivesTheStream_ClosedWithANoticeAndAnsweredOnceThroughResponseUrl()
    {
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        await using var factory = Factory(firstReplyBudget: "00:00:00.100", streamCloseAfter: "00:00:01", services: services => Use(services, bot));
        var client = factory.CreateClient();
        var message = _platform.Text("zhaoliu", Chat, "@邮政助手 进度");

        var first = await _platform.PostAsync(client, message);
        var streamId = (string)first!["stream"]!["id"]!;
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var closed = await _platform.PostAsync(client, FakeAiRobotPlatform.Refresh("zhaoliu", Chat, streamId));
        bot.Gate.SetResult();
        var posts = await _platform.WaitForResponsePostsAsync(1, TimeSpan.FromSeconds(10));
        var retried = await _platform.PostAsync(client, message);

        Assert.True((bool)closed!["stream"]!["finish"]!);
        Assert.Equal("结果稍后发送。", (string?)closed["stream"]!["content"]);
        var (url, body) = Assert.Single(posts);
        Assert.Equal((string)message["response_url"]!, _platform.BaseUrl.GetLeftPart(UriPartial.Authority) + url);
        Assert.Equal("markdown", (string?)body["msgtype"]);
        Assert.Equal("reply #1", (string?)body["markdown"]!["content"]);
        Assert.Equal("结果稍后发送。", (string?)retried!["stream"]!["content"]);
        Assert.Equal(1, bot.Turns);
    }

    [Fact]
    public async Task Post_RefreshOfAStreamWhoseTurnDiedWithItsReplica_RunsTheTurnAgainAndAnswersOnce()
    {
        var prefix = TestRedis.Prefix();
        var bot = new EchoBot();
        await using var factory = new ChatPostFactory(prefix, settings: Settings(), services: services => Use(services, bot));
        var client = factory.CreateClient();
        var message = _platform.Text("qianshi", Chat, "@邮政助手 进度");
        var streamId = AiRobotStreamId.For("qianshi", (string)message["msgid"]!);
        // What a replica SIGKILLed in the middle of the turn leaves: the stream claimed, running, and nobody keeping it for
        // a lease and more (its claim made on a clock one lease ago).
        var deadReplica = new RedisAiRobotStreams(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = prefix })),
            new FakeTimeProvider(DateTimeOffset.UtcNow - IAiRobotStreams.OwnerLease - TimeSpan.FromSeconds(1)));
        await deadReplica.ClaimAsync(streamId, AiRobotReplies.Busy, message.ToJsonString(), default);

        var refreshed = await _platform.PostAsync(client, FakeAiRobotPlatform.Refresh("qianshi", Chat, streamId.StreamId));
        var retried = await _platform.PostAsync(client, message);

        Assert.True((bool)refreshed!["stream"]!["finish"]!);
        Assert.Equal("heard: 进度 (from qianshi in group wrChatOfXiangyang01)", (string?)refreshed["stream"]!["content"]);
        Assert.True((bool)retried!["stream"]!["finish"]!);
        Assert.Equal((string?)refreshed["stream"]!["content"], (string?)retried["stream"]!["content"]);
        Assert.Equal(1, bot.Turns);
        Assert.Empty(_platform.ResponsePosts);
    }

    [Fact]
    public async Task Post_TurnSlowerThanALeaseOnAnotherReplica_IsKeptAndNeverRunAgain()
    {
        var prefix = TestRedis.Prefix();
        var (slow, other) = (new GatedBot { Gate = GatedBot.Closed() }, new EchoBot());
        await using var owner = new ChatPostFactory(prefix, settings: Settings(firstReplyBudget: "00:00:00.100"), services: services => Use(services, slow));
        await using var refresher = new ChatPostFactory(prefix, settings: Settings(), services: services => Use(services, other));
        var client = refresher.CreateClient();

        var first = await _platform.PostAsync(owner.CreateClient(), _platform.Text("zhengshi", Chat, "@邮政助手 进度"));
        var streamId = (string)first!["stream"]!["id"]!;
        var refreshes = new List<JsonObject?>();
        var since = System.Diagnostics.Stopwatch.StartNew();
        while (since.Elapsed < IAiRobotStreams.OwnerLease + TimeSpan.FromSeconds(2))
        {
            refreshes.Add(await _platform.PostAsync(client, FakeAiRobotPlatform.Refresh("zhengshi", Chat, streamId)));
            await Task.Delay(500);
        }

        slow.Gate.SetResult();
        var done = await RefreshUntilFinishedAsync(client, "zhengshi", streamId);

        Assert.All(refreshes, refresh => Assert.False((bool)refresh!["stream"]!["finish"]!));
        Assert.Equal(0, other.Turns);
        Assert.Equal("reply #1", (string?)done["content"]);
        Assert.Empty(_platform.ResponsePosts);
    }

    [Fact]
    public async Task Post_ResponseUrlOutsideThePrefix_IsNeverRequested()
    {
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        using var refused = new LogSignal(1061);
        await using var factory = Factory(firstReplyBudget: "00:00:00.100", streamCloseAfter: "00:00:01",
            services: services => Use(services, bot).AddSingleton<ILoggerProvider>(refused));
        var client = factory.CreateClient();
        var message = _platform.Text("sunqi", Chat, "@邮政助手 进度");
        message["response_url"] = "http://127.0.0.1:9/cgi-bin/aibot/response?response_code=x";

        var first = await _platform.PostAsync(client, message);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await _platform.PostAsync(client, FakeAiRobotPlatform.Refresh("sunqi", Chat, (string)first!["stream"]!["id"]!));
        bot.Gate.SetResult();
        await refused.WaitForAsync(1061, 1);

        Assert.Empty(_platform.ResponsePosts);
    }

    [Fact]
    public async Task Post_FourthMessageOfAUserInFlight_IsToldToWait()
    {
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        await using var factory = Factory(firstReplyBudget: "00:00:00.100", services: services => Use(services, bot));
        var client = factory.CreateClient();

        var answers = new List<JsonObject>();
        foreach (var chat in new[] { "wrGroupA", "wrGroupB", "wrGroupC", "wrGroupD" })
        {
            answers.Add((await _platform.PostAsync(client, _platform.Text("busy-user", chat, "@邮政助手 进度")))!);
        }

        Assert.All(answers.Take(3), answer => Assert.False((bool)answer["stream"]!["finish"]!));
        Assert.True((bool)answers[3]["stream"]!["finish"]!);
        Assert.Equal("您已有 3 条消息正在处理，请等回复后再问。", (string?)answers[3]["stream"]!["content"]);
        bot.Gate.SetResult();
    }

    [Theory]
    [InlineData("enter_chat")]
    [InlineData("feedback_event")]
    [InlineData("unknown_event")]
    public async Task Post_Event_WelcomesOrStaysSilent(string eventType)
    {
        await using var factory = Factory();
        var detail = eventType == "feedback_event" ? new JsonObject { ["id"] = "fb1", ["type"] = 2, ["content"] = "不准确" } : null;

        var answer = await _platform.PostAsync(factory.CreateClient(), _platform.Event("zhangsan", eventType == "enter_chat" ? null : Chat, eventType, detail));

        if (eventType == "enter_chat")
        {
            Assert.Equal("text", (string?)answer!["msgtype"]);
            Assert.Contains(StaffProgressReplies.Menu, (string?)answer["text"]!["content"], StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(answer);
        }
    }

    [Theory]
    [InlineData("image")]
    [InlineData("file")]
    public async Task Post_MediaMessage_FinishesWithANotice(string type)
    {
        await using var factory = Factory();
        var message = _platform.Text("zhangsan", null, "x");
        message["msgtype"] = type;
        message[type] = new JsonObject { ["url"] = "https://example.invalid/media" };

        var answer = await _platform.PostAsync(factory.CreateClient(), message);

        Assert.True((bool)answer!["stream"]!["finish"]!);
        Assert.StartsWith("暂时只能看懂文字", (string?)answer["stream"]!["content"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonsense!")]
    [InlineData("AAAAAAAAAAAAAAAAemhhbmdzYW4")]
    public async Task Post_RefreshOfAnUnknownStream_FinishesItWithANotice(string streamId)
    {
        await using var factory = Factory();

        var answer = await _platform.PostAsync(factory.CreateClient(), FakeAiRobotPlatform.Refresh("zhangsan", Chat, streamId));

        Assert.True((bool)answer!["stream"]!["finish"]!);
        Assert.StartsWith("这条消息已经处理完毕或已过期", (string?)answer["stream"]!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AnotherRobotsCallback_AnsweredEmptyAndLogged()
    {
        var bot = new EchoBot();
        using var foreign = new LogSignal(1060);
        await using var factory = Factory(services: services => Use(services, bot).AddSingleton<ILoggerProvider>(foreign));
        var message = _platform.Text("zhangsan", Chat, "进度");
        message["aibotid"] = "aibSomeoneElse";

        var answer = await _platform.PostAsync(factory.CreateClient(), message);

        Assert.Null(answer);
        Assert.Single(foreign.Seen(1060));
        Assert.Equal(0, bot.Turns);
    }

    [Theory]
    [InlineData("forged-signature", HttpStatusCode.Unauthorized)]
    [InlineData("stale-timestamp", HttpStatusCode.Unauthorized)]
    [InlineData("wecom-app-ciphertext", HttpStatusCode.BadRequest)]
    [InlineData("not-json", HttpStatusCode.BadRequest)]
    [InlineData("no-encrypt", HttpStatusCode.BadRequest)]
    [InlineData("plaintext-not-json", HttpStatusCode.BadRequest)]
    [InlineData("no-msgid", HttpStatusCode.BadRequest)]
    [InlineData("too-large", HttpStatusCode.RequestEntityTooLarge)]
    public async Task Post_HostileInput_Returns4xxLogsWhyAndRunsNoTurn(string attack, HttpStatusCode expected)
    {
        var bot = new EchoBot();
        using var rejected = new LogSignal(1001);
        await using var factory = Factory(services: services => Use(services, bot).AddSingleton<ILoggerProvider>(rejected));
        var valid = _platform.Text("zhangsan", Chat, "进度");
        var request = attack switch
        {
            "forged-signature" => Resign(_platform.Callback(valid), "0000000000000000000000000000000000000000"),
            "stale-timestamp" => _platform.Callback(valid, timestamp: "1409659589"),
            "wecom-app-ciphertext" => FakeAiRobotPlatform.Callback(
                new WeChatMessageCrypto(FakeAiRobotPlatform.EncodingAesKey, R2Tail).Encrypt(valid.ToJsonString()), "1234"),
            "not-json" => WithBody(_platform.Callback(valid), "<xml><Encrypt>x</Encrypt></xml>"),
            "no-encrypt" => WithBody(_platform.Callback(valid), """{"encrypted":"x"}"""),
            "plaintext-not-json" => FakeAiRobotPlatform.Callback(new WeChatMessageCrypto(FakeAiRobotPlatform.EncodingAesKey, "").Encrypt("<xml/>"), "1234"),
            "no-msgid" => _platform.Callback(new JsonObject { ["aibotid"] = FakeAiRobotPlatform.BotId, ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "hi" } }),
            _ => WithBody(_platform.Callback(valid), "{\"encrypt\":\"" + new string('A', 70_000) + "\"}"),
        };

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Single(rejected.Seen(1001));
        Assert.Equal(0, bot.Turns);
    }

    private async Task<JsonObject> RefreshUntilFinishedAsync(HttpClient client, string user, string streamId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var answer = await _platform.PostAsync(client, FakeAiRobotPlatform.Refresh(user, Chat, streamId));
            if ((bool)answer!["stream"]!["finish"]!)
            {
                return (JsonObject)answer["stream"]!;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the stream never finished");
    }

    private static HttpRequestMessage Resign(HttpRequestMessage request, string signature)
    {
        var query = request.RequestUri!.OriginalString;
        request.RequestUri = new Uri("/wechat/work/robot?msg_signature=" + signature + query[query.IndexOf("&timestamp", StringComparison.Ordinal)..], UriKind.Relative);
        return request;
    }

    private static HttpRequestMessage WithBody(HttpRequestMessage request, string body)
    {
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return request;
    }

    private static IServiceCollection Use(IServiceCollection services, IBot bot) =>
        services.AddKeyedSingleton(DialogsExtensions.StaffBotKey, bot);

    private ChatPostFactory Factory(string maxSkew = "300", string firstReplyBudget = "00:00:00.800", string streamCloseAfter = "00:05:00",
        Action<IServiceCollection>? services = null) =>
        new(TestRedis.Prefix(), settings: Settings(maxSkew, firstReplyBudget, streamCloseAfter), services: services);

    private Dictionary<string, string?> Settings(string maxSkew = "300", string firstReplyBudget = "00:00:00.800", string streamCloseAfter = "00:05:00")
    {
        var settings = _platform.Settings(firstReplyBudget, streamCloseAfter);
        settings["WeChat:MaxTimestampSkewSeconds"] = maxSkew;
        return settings;
    }

    /// <summary>Answers what it heard, who said it and where; counts its turns.</summary>
    private sealed class EchoBot : IBot
    {
        private int _turns;

        public int Turns => Volatile.Read(ref _turns);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _turns);
            var activity = turnContext.Activity;
            var where = activity.Conversation.IsGroup == true ? "group " + activity.Conversation.Id : "single chat";
            await turnContext.SendActivityAsync($"heard: {activity.Text} (from {activity.From.Id} in {where})", cancellationToken: cancellationToken);
        }
    }
}
