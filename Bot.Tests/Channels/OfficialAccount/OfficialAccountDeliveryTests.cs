using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Channels.OfficialAccount;

/// <summary>WeChat's delivery rules end to end: retries answered once, the 5-second deadline, late replies.</summary>
public class OfficialAccountDeliveryTests
{
    private readonly WeChatPush _push = new();

    [Fact]
    public async Task Post_ThreeConcurrentCopiesOnTwoReplicas_OneTurnAndIdenticalReplies()
    {
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        using var claims = new ClaimCounter();
        var prefix = TestRedis.Prefix();
        await using var first = Replica(prefix, bot, claims);
        await using var second = Replica(prefix, bot, claims);
        var xml = WeChatPush.TextXml("oCopies", "查询", 2001);

        var copies = new[]
        {
            first.CreateClient().SendAsync(_push.Safe(xml)),
            second.CreateClient().SendAsync(_push.Safe(xml)),
            first.CreateClient().SendAsync(_push.Safe(xml)),
        };
        await claims.WaitForAsync(3);
        bot.Gate.SetResult();
        var replies = await Task.WhenAll(copies.Select(async copy => _push.OpenReply(await (await copy).Content.ReadAsStringAsync())));
        var retry = _push.OpenReply(await (await second.CreateClient().SendAsync(_push.Safe(xml))).Content.ReadAsStringAsync());

        Assert.Equal(1, bot.Turns);
        Assert.Contains("reply #1", replies[0], StringComparison.Ordinal);
        Assert.All(replies, reply => Assert.Equal(replies[0], reply));
        Assert.Equal(replies[0], retry);
    }

    [Fact]
    public async Task Post_TurnMissesDeadline_AnswersSuccessAndRepliesThroughCustomerServiceApi()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var bot = new GatedBot(secondReply: true) { Gate = GatedBot.Closed() };
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api,
            new Dictionary<string, string?> { ["WeChat:ReplyDeadline"] = "00:00:00.200" },
            services => services.AddSingleton<IBot>(bot));

        var response = await factory.CreateClient().SendAsync(_push.Safe(WeChatPush.TextXml("oLate", "慢", 2002)));
        var body = await response.Content.ReadAsStringAsync();
        bot.Gate.SetResult();
        var sent = await api.TakeCustomMessagesAsync(2);

        Assert.Equal(WeChatReplyXml.Success, body);
        Assert.All(sent, message => Assert.Equal("oLate", (string?)message["touser"]));
        Assert.Equal("reply #1", (string?)sent[0]["text"]!["content"]);
        Assert.Equal("second reply #1", (string?)sent[1]["text"]!["content"]);
    }

    [Fact]
    public async Task Post_OnTimeTurnWithTwoReplies_FirstPassiveSecondThroughApi()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var bot = new GatedBot(secondReply: true);
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api, services: services => services.AddSingleton<IBot>(bot));

        var response = await factory.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oTwo", "两条", 2003)));
        var sent = await api.TakeCustomMessagesAsync(1);

        Assert.Contains("<Content><![CDATA[reply #1]]></Content>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("second reply #1", (string?)sent[0]["text"]!["content"]);
    }

    [Fact]
    public async Task Post_LateCopyWhileFirstTurnIsLate_AlsoAnswersSuccessWithoutSecondTurn()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api,
            new Dictionary<string, string?> { ["WeChat:ReplyDeadline"] = "00:00:00.200" },
            services => services.AddSingleton<IBot>(bot));
        var xml = WeChatPush.TextXml("oRetry", "慢", 2004);

        var original = await factory.CreateClient().SendAsync(_push.Plaintext(xml));
        var retry = await factory.CreateClient().SendAsync(_push.Plaintext(xml));
        bot.Gate.SetResult();
        var sent = await api.TakeCustomMessagesAsync(1);

        Assert.Equal(WeChatReplyXml.Success, await original.Content.ReadAsStringAsync());
        Assert.Equal(WeChatReplyXml.Success, await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, bot.Turns);
        Assert.Equal("reply #1", (string?)sent[0]["text"]!["content"]);
    }

    [Fact]
    public async Task Post_TwoMessagesOfOneUserOnTwoReplicas_TurnsRunOneAtATime()
    {
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        using var claims = new ClaimCounter();
        var prefix = TestRedis.Prefix();
        await using var first = Replica(prefix, bot, claims);
        await using var second = Replica(prefix, bot, claims);

        var one = first.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oSerial", "一", 2101)));
        var two = second.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oSerial", "二", 2102)));
        await claims.WaitForAsync(2);
        await bot.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var turnsWhileFirstHeld = bot.Turns;
        bot.Gate.SetResult();
        await Task.WhenAll(one, two);

        Assert.Equal(1, turnsWhileFirstHeld);
        Assert.Equal(2, bot.Turns);
        Assert.Equal(1, bot.MostConcurrentTurns);
    }

    [Fact]
    public async Task LateReply_WeChatApiDownAcrossARestart_ReachesTheUserOnceItRecovers()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        api.FailSendsWithStatus = 503;
        var prefix = TestRedis.Prefix();
        var settings = new Dictionary<string, string?> { ["WeChat:ReplyDeadline"] = "00:00:00.200", ["LateReplies:RetryAfter"] = "00:00:01" };
        var bot = new GatedBot(secondReply: true) { Gate = GatedBot.Closed() };
        using var attempts = new LogSignal(1012);
        await using (var before = new ChatPostFactory(prefix, api, settings, services =>
                     {
                         services.AddSingleton<IBot>(bot);
                         services.AddSingleton<ILoggerProvider>(attempts);
                     }))
        {
            var answer = await before.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oOutage", "慢", 2201)));
            Assert.Equal(WeChatReplyXml.Success, await answer.Content.ReadAsStringAsync());
            bot.Gate.SetResult();
            await attempts.WaitForAsync(1012, 2); // tried, failed, tried again: the outage holds
        }

        api.FailSendsWithStatus = null;
        await using var after = new ChatPostFactory(prefix, api, settings);
        _ = after.Server;
        var sent = await api.TakeCustomMessagesAsync(2);

        Assert.Equal(["reply #1", "second reply #1"], sent.Select(message => (string?)message["text"]!["content"]));
        Assert.Equal(0, api.CustomMessageCount);
    }

    [Fact]
    public async Task LateReply_WeChatApiTimingOut_ReachesTheUserOnceItAnswersAgain()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        api.HangSends = true;
        var settings = new Dictionary<string, string?> { ["WeChat:ReplyDeadline"] = "00:00:00.200", ["LateReplies:RetryAfter"] = "00:00:01" };
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        using var attempts = new LogSignal(1012);
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api, settings, services => services
            .AddSingleton<IBot>(bot)
            .AddSingleton<ILoggerProvider>(attempts)
            // The shipped timeouts (5 s an attempt, 20 s in all) would make this test slow, not different.
            .PostConfigure<HttpStandardResilienceOptions>("IWeChatApiClient-standard", options =>
            {
                options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(1);
                options.Retry.Delay = TimeSpan.FromMilliseconds(50);
            }));

        var answer = await factory.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oTimeout", "慢", 2251)));
        bot.Gate.SetResult();
        await attempts.WaitForAsync(1012, 2); // timed out, kept, timed out again
        api.HangSends = false;
        var sent = await api.TakeCustomMessagesAsync(1);

        Assert.Equal(WeChatReplyXml.Success, await answer.Content.ReadAsStringAsync());
        Assert.True(api.HungSends >= 2, $"only {api.HungSends} sends hung");
        Assert.Equal("reply #1", (string?)sent[0]["text"]!["content"]);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past one more retry round: nothing is sent twice
        Assert.Equal(0, api.CustomMessageCount);
    }

    [Fact]
    public async Task Shutdown_WhileATurnRuns_TheTurnFinishesAndItsRepliesAreDeliveredOnce()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var prefix = TestRedis.Prefix();
        var settings = new Dictionary<string, string?> { ["WeChat:ReplyDeadline"] = "00:00:00.200", ["LateReplies:RetryAfter"] = "00:00:01" };
        var bot = new GatedBot(secondReply: true) { Gate = GatedBot.Closed() };
        var before = new ChatPostFactory(prefix, api, settings, services => services.AddSingleton<IBot>(bot));
        var answer = await before.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oShutdown", "慢", 2301)));

        var stopping = before.DisposeAsync().AsTask(); // SIGTERM while the turn still runs
        bot.Gate.SetResult();
        await stopping;
        await using var after = new ChatPostFactory(prefix, api, settings);
        _ = after.Server;
        var sent = await api.TakeCustomMessagesAsync(2);

        Assert.Equal(WeChatReplyXml.Success, await answer.Content.ReadAsStringAsync());
        Assert.Equal(1, bot.Turns);
        Assert.Equal(["reply #1", "second reply #1"], sent.Select(message => (string?)message["text"]!["content"]));
    }

    [Fact]
    public async Task Post_EntrySlowerThanTheDeadline_AnswersSuccessRepliesThroughApiAndFreesTheLock()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var bot = new GatedBot { Gate = GatedBot.Closed() };
        var slowEntries = 1;
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api,
            new Dictionary<string, string?> { ["WeChat:ReplyDeadline"] = "00:00:00.200" },
            services =>
            {
                services.AddSingleton<IBot>(bot);
                // Redis answering the first entry after the whole deadline has passed.
                services.AddSingleton<ITurnGate>(provider => new SlowEntryTurnGate(ActivatorUtilities.CreateInstance<RedisTurnGate>(provider),
                    () => Interlocked.Decrement(ref slowEntries) >= 0 ? TimeSpan.FromMilliseconds(400) : TimeSpan.Zero));
            });

        var slow = await factory.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oSlowRedis", "一", 2301)));
        bot.Gate.SetResult();
        var sent = await api.TakeCustomMessagesAsync(1);
        var next = await factory.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oSlowRedis", "二", 2302)));

        Assert.Equal(WeChatReplyXml.Success, await slow.Content.ReadAsStringAsync());
        Assert.Equal("reply #1", (string?)sent[0]["text"]!["content"]);
        Assert.Contains("<Content><![CDATA[reply #2]]></Content>", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class SlowEntryTurnGate(ITurnGate inner, Func<TimeSpan> delay) : ITurnGate
    {
        public async Task<TurnEntry> EnterAsync(TurnKeys turn, IReadOnlyList<string> trackingNumbers, bool inOneStep, CancellationToken cancellationToken)
        {
            var entry = await inner.EnterAsync(turn, trackingNumbers, inOneStep, cancellationToken);
            await Task.Delay(delay(), cancellationToken);
            return entry;
        }

        public Task LeaveAsync(TurnKeys turn, string reply, LockLease? lease, CancellationToken cancellationToken) =>
            inner.LeaveAsync(turn, reply, lease, cancellationToken);

        public Task<string?> GetReplyAsync(TurnKeys turn, CancellationToken cancellationToken) => inner.GetReplyAsync(turn, cancellationToken);
    }

    private static ChatPostFactory Replica(string prefix, GatedBot bot, ClaimCounter claims) =>
        new(prefix, services: services =>
        {
            services.AddSingleton<IBot>(bot);
            services.AddSingleton<ITurnGate>(provider => new ClaimCountingTurnGate(ActivatorUtilities.CreateInstance<RedisTurnGate>(provider), claims));
        });
}
