using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatPost.Bot.Channels.WeCom.AiRobot;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Scale;

/// <summary>
/// The 智能机器人 as WeCom drives it, over real HTTP: <see cref="FakeAiRobotPlatform"/> posts the callbacks of a 襄阳
/// work group and polls each unfinished stream about every second, alternating between two real service processes
/// that share one Redis; it sends retries, and takes the response_url posts.
/// </summary>
public sealed class AiRobotReplicasTests(AiRobotReplicasTests.Replicas replicas) : IClassFixture<AiRobotReplicasTests.Replicas>
{
    private const string Chat = "wrXiangyangWorkGroup01";
    private const string Clerk = "XiangyangClerk01";

    [Fact]
    public async Task GroupCommands_OverTwoReplicas_EachAnsweredInTheGroup()
    {
        var platform = replicas.Platform;

        var progress = await platform.AskAsync(replicas.Bots, Clerk, Chat, "进度");
        var chart = await platform.AskAsync(replicas.Bots, Clerk, Chat, "交管进度 图表");
        var announcement = await platform.AskAsync(replicas.Bots, Clerk, Chat, "每日通报");
        var lookup = await platform.AskAsync(replicas.Bots, Clerk, Chat, "EA123456785CN到哪了");
        var faq = await platform.AskAsync(replicas.Bots, Clerk, Chat, "寄发票收邮费吗");
        var ranking = await platform.AskAsync([replicas.Bots[1], replicas.Bots[0]], Clerk, Chat, "全省排名");

        Assert.StartsWith("襄阳 ", progress.Content, StringComparison.Ordinal);
        Assert.StartsWith("襄阳交管证照 ", chart.Content, StringComparison.Ordinal);
        var image = (JsonObject)Assert.Single(chart.Final["msg_item"]!.AsArray())!;
        var png = Convert.FromBase64String((string)image["image"]!["base64"]!);
#pragma warning disable CA5351 // WeCom's protocol asks for the MD5 of an image: a checksum.
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(png)), (string?)image["image"]!["md5"]);
#pragma warning restore CA5351
        Assert.Equal("PNG"u8.ToArray(), png[1..4]);
        Assert.StartsWith("# 每日通报", announcement.Content, StringComparison.Ordinal);
        Assert.Contains("本市 · 襄阳", announcement.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("<font", announcement.Content, StringComparison.Ordinal);
        Assert.StartsWith("邮件 EA123456785CN", lookup.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", lookup.Content, StringComparison.Ordinal);
        Assert.Contains("邮费", faq.Content, StringComparison.Ordinal);
        Assert.StartsWith("全省 ", ranking.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_FromTheGroup_BystanderRefusedAndAuditedAskerConfirmsByCardAndItIsDelivered()
    {
        var (platform, bots) = (replicas.Platform, replicas.Bots);

        var preview = await platform.PostAsync(bots[0], platform.Text(StaffSetup.ProvinceManager, Chat, $"@{FakeAiRobotPlatform.Name} 广播 襄阳：今晚清零，明早8点复盘"));
        var taskId = (string)preview!["template_card"]!["task_id"]!;
        var confirmKey = (string)preview["template_card"]!["button_list"]![0]!["key"]!;
        var bystanderClick = await platform.PostAsync(bots[1], platform.Click(Clerk, Chat, taskId, confirmKey));
        var bystanderTyped = await platform.AskAsync([bots[0], bots[1]], Clerk, Chat, "确认");
        var askerClick = await platform.PostAsync(bots[1], platform.Click(StaffSetup.ProvinceManager, Chat, taskId, confirmKey));
        var delivered = await replicas.Webhook.WaitForMessagesAsync(StaffSetup.Key(0), 1);
        var audit = await Admin(bots[0]).GetFromJsonAsync<JsonArray>("/api/audit?count=20");

        Assert.Equal("stream_with_template_card", (string?)preview["msgtype"]);
        Assert.StartsWith("将立即发送给 1 个工作群", (string?)preview["stream"]!["content"], StringComparison.Ordinal);
        Assert.Equal("确认", AiRobotReplyJson.ActionOf(confirmKey));
        Assert.Equal("update_template_card", (string?)bystanderClick!["response_type"]);
        Assert.Equal([Clerk], bystanderClick["userids"]!.AsArray().Select(id => (string?)id));
        Assert.Equal("抱歉，这条通报只能由发起它的管理员确认或取消。", (string?)bystanderClick["template_card"]!["sub_title_text"]);
        Assert.Equal("抱歉，这条通报只能由发起它的管理员确认或取消。", bystanderTyped.Content);
        Assert.Null(askerClick!["userids"]);
        Assert.StartsWith("已受理（编号 b", (string?)askerClick["template_card"]!["sub_title_text"], StringComparison.Ordinal);
        Assert.Empty(askerClick["template_card"]!["button_list"]!.AsArray());
        Assert.Equal("今晚清零，明早8点复盘", Assert.Single(delivered).Content);
        Assert.Equal(2, audit!.Count(entry => (string?)entry!["actor"] == Clerk && (string?)entry["action"] == "refused"));
    }

    [Fact]
    public async Task RetriedMessage_OnBothReplicasAtOnce_OneTurnOneStream()
    {
        var (platform, bots) = (replicas.Platform, replicas.Bots);
        var message = platform.Text("RetryingMember01", Chat, $"@{FakeAiRobotPlatform.Name} 进度");
        var turnsBefore = await replicas.TurnsAsync();

        var answers = await Task.WhenAll(bots.Concat(bots).Select(bot => platform.PostAsync(bot, message)));
        var later = await platform.PostAsync(bots[1], message);
        // On a loaded machine the turn may outlast the first reply: the stream then still runs, and WeCom refreshes it.
        var shown = later;
        for (var refreshes = 0; !(bool)shown!["stream"]!["finish"]! && refreshes < 30; refreshes++)
        {
            await Task.Delay(platform.PollInterval);
            shown = await platform.PostAsync(bots[refreshes % 2], FakeAiRobotPlatform.Refresh("RetryingMember01", Chat, (string)later!["stream"]!["id"]!));
        }

        Assert.Single(answers.Append(later).Append(shown).Select(answer => (string?)answer!["stream"]!["id"]).Distinct());
        Assert.StartsWith("襄阳 ", (string?)shown!["stream"]!["content"], StringComparison.Ordinal);
        Assert.Equal(turnsBefore + 1, await replicas.TurnsSettledAsync(turnsBefore + 1));
    }

    [Fact]
    public async Task SlowTurn_WaitingForTheGroupsRunningTurn_FinishedThroughRefreshesOnBothReplicas()
    {
        var release = await replicas.HoldTheGroupsTurnAsync();

        // The group's other turn ends once WeCom has seen the placeholder and refreshed the stream once.
        StreamConversation asked;
        try
        {
            asked = await replicas.Platform.AskAsync(replicas.Bots, Clerk, Chat, "进度", patience: TimeSpan.FromSeconds(20),
                afterAnswer: async (answers, _) =>
                {
                    if (answers == 2)
                    {
                        await release();
                    }
                });
        }
        finally
        {
            await release();
        }

        Assert.False((bool)asked.Answers[0]["stream"]!["finish"]!);
        Assert.Equal("正在查询，请稍候…", (string?)asked.Answers[0]["stream"]!["content"]);
        Assert.False((bool)asked.Answers[1]["stream"]!["finish"]!);
        Assert.True(asked.Refreshes >= 2, $"{asked.Refreshes} refreshes");
        Assert.StartsWith("襄阳 ", asked.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(replicas.Platform.ResponsePosts, post => post.Url.Contains(new Uri((string)asked.Message["response_url"]!).Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TurnSlowerThanTheStreamsLife_ClosedThenAnsweredOnceThroughResponseUrl()
    {
        var platform = replicas.Platform;
        var postsBefore = platform.ResponsePosts.Count;
        var release = await replicas.HoldTheGroupsTurnAsync();
        StreamConversation asked;
        try
        {
            asked = await platform.AskAsync(replicas.Bots, "LateMember01", Chat, "排名", patience: TimeSpan.FromSeconds(20));
        }
        finally
        {
            await release();
        }

        var posts = await platform.WaitForResponsePostsAsync(postsBefore + 1, TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal("结果稍后发送。", asked.Content);
        Assert.True(asked.Refreshes >= 2, $"{asked.Refreshes} refreshes");
        Assert.Equal(postsBefore + 1, platform.ResponsePosts.Count);
        var (url, body) = posts[postsBefore];
        Assert.EndsWith(new Uri((string)asked.Message["response_url"]!).Query, url, StringComparison.Ordinal);
        Assert.StartsWith("全省 ", (string?)body["markdown"]!["content"], StringComparison.Ordinal);
    }

    private static HttpClient Admin(HttpClient bot)
    {
        var admin = new HttpClient { BaseAddress = bot.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffSetup.AdminKey);
        return admin;
    }

    /// <summary>Two replicas, one Redis, one WeCom, one group robot webhook; started once for the class.</summary>
    public sealed class Replicas : IAsyncLifetime
    {
        private const string IngestKey = "ingest-key-for-the-robot-replicas";
        private readonly string _prefix = TestRedis.Prefix(nameof(AiRobotReplicasTests));
        private BotProcess[] _processes = [];

        public FakeAiRobotPlatform Platform { get; private set; } = null!;

        public FakeWebhook Webhook { get; private set; } = null!;

        public IReadOnlyList<HttpClient> Bots { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Platform = await FakeAiRobotPlatform.StartAsync();
            Webhook = await FakeWebhook.StartAsync();
            var settings = StaffSetup.Settings(Webhook, null, ["襄阳"]);
            settings["Groups:0:ChatId"] = Chat;
            foreach (var (key, value) in Platform.Settings(firstReplyBudget: "00:00:00.300", streamCloseAfter: "00:00:04"))
            {
                settings[key] = value;
            }

            settings["Redis:Configuration"] = TestRedis.Configuration;
            settings["Redis:KeyPrefix"] = _prefix;
            settings["Ingest:ApiKey"] = IngestKey;
            _processes = await Task.WhenAll(BotProcess.StartAsync(settings), BotProcess.StartAsync(settings));
            Bots = [.. _processes.Select(process => process.CreateClient())];
            using var ingest = _processes[0].CreateClient();
            ingest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey);
            var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddT08:15:00+08:00", CultureInfo.InvariantCulture);
            var response = await ingest.PostAsJsonAsync("/api/ingest/shipments", new[]
            {
                new { trackingNo = "EA123456785CN", business = "license", city = "襄阳", status = "delivered", time = today,
                    location = "襄州区交通路投递站", description = "已签收，本人收 13800001234", receiverPhone = "13800001234", applicationNo = (string?)null },
            });
            response.EnsureSuccessStatusCode();

            // Each replica answers once before the tests, charts included: their first turns' compilation and the first chart's
            // fonts must not eat a stream's life.
            foreach (var bot in Bots)
            {
                await Platform.AskAsync([bot], "WarmUpMember", "wrWarmUpChat", "进度 图表", patience: TimeSpan.FromSeconds(60));
            }
        }

        /// <summary>Replies the robot's turns said, summed over both replicas (<c>chatpost_replies_total</c> of the channel).</summary>
        public async Task<double> TurnsAsync()
        {
            var total = 0.0;
            foreach (var bot in Bots)
            {
                var metrics = await bot.GetStringAsync("/metrics");
                total += metrics.Split('\n')
                    .Where(line => line.StartsWith("chatpost_replies_total{", StringComparison.Ordinal) && line.Contains("channel=\"wecom-robot\"", StringComparison.Ordinal))
                    .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            }

            return total;
        }

        /// <summary>
        /// <see cref="TurnsAsync"/> once it reached <paramref name="expected"/> (the exporter caches a scrape for a moment)
        /// and stayed there past that cache: a second turn would show by then.
        /// </summary>
        public async Task<double> TurnsSettledAsync(double expected)
        {
            for (var attempt = 0; attempt < 50 && await TurnsAsync() < expected; attempt++)
            {
                await Task.Delay(100);
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            return await TurnsAsync();
        }

        /// <summary>
        /// Takes the group's turn lock in Redis, as a turn of the group still running on some replica would hold it, until
        /// the returned function frees it (or 30 s pass).
        /// </summary>
        public async Task<Func<Task>> HoldTheGroupsTurnAsync()
        {
            var key = _prefix + (string)RedisKeys.Lock(new TurnKeys(AiRobotTurn.ChannelId, Chat, "").LockName)!;
            var database = TestRedis.Connection.GetDatabase();
            Assert.True(await database.StringSetAsync(key, "held-by-the-test", TimeSpan.FromSeconds(30), When.NotExists));
            return () => database.KeyDeleteAsync(key);
        }

        public async Task DisposeAsync()
        {
            foreach (var bot in Bots)
            {
                bot.Dispose();
            }

            foreach (var process in _processes)
            {
                await process.DisposeAsync();
            }

            await Webhook.DisposeAsync();
            await Platform.DisposeAsync();
        }
    }
}
