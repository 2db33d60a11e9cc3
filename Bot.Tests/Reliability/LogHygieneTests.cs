using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Tests.Broadcasts;
using ChatPost.Bot.Tests.Console;
using ChatPost.Bot.Tests.Ingestion;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Reliability;

/// <summary>
/// The service's logs, at the levels it ships with, after a busy stretch of every kind of traffic — including the
/// failures that log the most — hold no secret, no full OpenID, no phone number, taxpayer name, message text or watched item.
/// </summary>
public class LogHygieneTests
{
    private const string IngestKey = "ingest-key-SECRET-0123456789";
    private const string OpenId = "oHygiene0123456789abcdefXYZ";
    private const string Phone = "13800001234";
    private const string OtherPhone = "13912345678";
    private const string Chatter = "我家猫咪叫小白今天不吃饭";
    private const string RobotUser = "HygieneRobotMember0123456789";
    private const string Watched = "EB111222332CN";
    private const string KnowledgeText = "快递小哥态度很好怎么表扬";
    private const string Taxpayer = "华润湖北江汉医药有限公司";

    [Fact]
    public async Task BusyStretchWithFailures_LogsNoSecretAndNoPersonalData()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        await using var webhook = await FakeWebhook.StartAsync();
        var settings = StaffSetup.Settings(webhook, api, ["武汉", "襄阳", null]);
        settings["Ingest:ApiKey"] = IngestKey;
        settings["WeChat:OfficialAccount:AppSecret"] = "mp-app-SECRET-value";
        settings["WeCom:Secret"] = "wecom-SECRET-value";
        settings["WeChat:ReplyDeadline"] = "00:00:00.100";
        settings["LateReplies:RetryAfter"] = "00:00:01";
        await using var robot = await FakeAiRobotPlatform.StartAsync();
        foreach (var (key, value) in robot.Settings(firstReplyBudget: "00:00:00.100"))
        {
            settings[key] = value;
        }

        var logs = new LogRecorder();
        using var lateFailures = new LogSignal(1012, 8012);
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api, settings, services => services
            .AddSingleton<ILoggerProvider>(logs)
            .AddSingleton<ILoggerProvider>(lateFailures)
            .AddTransient<IBot>(provider => new SlowBot(ActivatorUtilities.CreateInstance<ChatPostBot>(provider))));
        var push = new WeChatPush();

        // Ingestion: accepted and rejected records (with personal data), and a caller with a near-miss key.
        var ingest = factory.CreateClient();
        ingest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey);
        var badCity = IngestBatchParserTests.With(IngestBatchParserTests.ValidShipment, "city", "\"北京\"").Replace(Phone, OtherPhone, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsync("/api/ingest/shipments", Json($"[{IngestBatchParserTests.ValidShipment}, {badCity}]"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsync("/api/ingest/invoice-applications", Json($"[{IngestBatchParserTests.ValidInvoice}]"))).StatusCode);
        var accepted = IngestBatchParserTests.ValidShipment.Replace("EA123456785CN", Watched, StringComparison.Ordinal).Replace("delivered", "accepted", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsync("/api/ingest/shipments", Json($"[{accepted}]"))).StatusCode);
        var intruder = factory.CreateClient();
        intruder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await intruder.PostAsync("/api/ingest/shipments", Json("[]"))).StatusCode);

        // A citizen: a follow event, a lookup by tracking number and by phone, small talk, a watch; the first sends fail.
        api.FailSendsWithStatus = 500;
        string[] questions = ["EA123456785CN到哪了", $"我的手机{Phone}的快递", Chatter, "91429005MA4951234A的发票"];
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(push.Safe(WeChatPush.EventXml(OpenId, "subscribe", 1_700_000_000)))).StatusCode);
        for (var i = 0; i < questions.Length; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(push.Safe(WeChatPush.TextXml(OpenId, questions[i], 7100 + i)))).StatusCode);
        }

        await lateFailures.WaitForAsync(1012, 1);
        api.FailSendsWithStatus = null;
        await api.TakeCustomMessagesAsync(1 + questions.Length);
        // The watch once those turns are over: late turns run in the background, and the user's turn lock does not keep
        // their order, so sent with the others it could be read in the light of a question sent before it. Whichever ran
        // last may have left a question waiting ("我的手机…的快递" asks for a tracking number; asked once more here, so that one
        // always waits): the watch's number must not answer it, a watch command names its items on purpose.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(push.Safe(WeChatPush.TextXml(OpenId, questions[1], 7150)))).StatusCode);
        await api.TakeCustomMessagesAsync(1);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(push.Safe(WeChatPush.TextXml(OpenId, $"提醒 {Watched}", 7100 + questions.Length)))).StatusCode);
        var watchReply = (string?)(await api.TakeCustomMessagesAsync(1))[0]["text"]?["content"];
        await WaitUntilWatchedAsync(factory.Services.GetRequiredService<IItemWatches>(), watchReply);

        // The watched item moves while WeChat is busy: the notification fails, is retried, arrives. Then the citizen unfollows.
        api.RefuseCustomMessagesWith = WeChatErrorCodes.SystemBusy; // answered at once: a 5xx would first use up the HTTP retries
        var moved = accepted.Replace("accepted", "out_for_delivery", StringComparison.Ordinal).Replace("10:15", "11:15", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsync("/api/ingest/shipments", Json($"[{moved}]"))).StatusCode);
        await lateFailures.WaitForAsync(8012, 1);
        api.RefuseCustomMessagesWith = null;
        await api.TakeCustomMessagesAsync(1);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(push.Safe(WeChatPush.EventXml(OpenId, "unsubscribe", 1_700_000_100)))).StatusCode);

        // A broadcast with a phone number in it, one group's robot removed.
        webhook.RejectKey(StaffSetup.Key(1));
        var admin = BroadcastApiTests.Admin(factory, StaffSetup.ProvinceManager);
        var broadcast = await admin.PostAsJsonAsync("/api/broadcasts", new { text = $"有事请打{OtherPhone}" });
        Assert.Equal(HttpStatusCode.Accepted, broadcast.StatusCode);
        var id = (string)(await broadcast.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await BroadcastApiTests.WaitUntilFinishedAsync(admin, id);

        // A member in a WeCom group asks the 智能机器人: a lookup, small talk with a phone number, a feedback, a refresh of
        // an unknown stream, another robot's callback, a forged one.
        var client = factory.CreateClient();
        foreach (var text in new[] { "@邮政助手 EA123456785CN到哪了", $"@邮政助手 {Chatter} 电话{Phone}" })
        {
            await robot.PostAsync(client, robot.Text(RobotUser, "wrHygieneChat0123456789", text));
        }

        await robot.PostAsync(client, robot.Event(RobotUser, "wrHygieneChat0123456789", "feedback_event", new JsonObject { ["id"] = "f", ["type"] = 2 }));
        await robot.PostAsync(client, FakeAiRobotPlatform.Refresh(RobotUser, null, "AAAAAAAAAAAAAAAAemhhbmdzYW4"));
        var foreign = robot.Text(RobotUser, null, Chatter);
        foreign["aibotid"] = "aibSomeoneElse";
        await robot.PostAsync(client, foreign);
        var forged = robot.Callback(robot.Text(RobotUser, null, Chatter));
        forged.RequestUri = new Uri(forged.RequestUri!.OriginalString.Replace("msg_signature=", "msg_signature=0", StringComparison.Ordinal), UriKind.Relative);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);

        // The knowledge base: a change and a refused one, with text that must stay out of the log.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/faq/contacts", new { questions = new[] { KnowledgeText }, answer = $"请拨打{OtherPhone}" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/faq", new { id = "copy", questions = new[] { KnowledgeText }, answer = "同上" })).StatusCode);
        // Why a question reaches its answer, and the list of what the bot could not answer: questions in, nothing of them logged.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/faq/explain", new { question = $"{KnowledgeText} {Phone} {Chatter}" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/faq/explain", new { question = "", note = KnowledgeText })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/faq/unanswered")).StatusCode);

        // The console: a key one character off the admin key, then an import whose rows hold phones and names, some refused.
        using (var console = new ConsoleClient(factory))
        {
            Assert.False(await console.SignInAsync(StaffSetup.AdminKey[..^1] + "x"));
            Assert.True(await console.SignInAsync(StaffSetup.AdminKey));
            var sheet = "邮件号,业务,市州,状态,时间,说明,收件人电话\r\n"
                + $"EA123456785CN,交管证照,襄阳,已签收,2020-03-04 10:15,签收人 {Taxpayer} {Phone},{Phone}\r\n"
                + $"EA123456794CN,交管证照,北京,已签收,2020-03-04 10:15,{Chatter},{OtherPhone}\r\n";
            var upload = new MultipartFormDataContent { { new StringContent("shipments"), "kind" }, { new ByteArrayContent(Encoding.UTF8.GetBytes(sheet)), "file", $"{Phone}.csv" } };
            var imported = await console.PostPageFormAsync("/console/import", "import", upload);
            Assert.Contains("市州：不是十七个市州之一", await imported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var unknownColumn = new MultipartFormDataContent { { new StringContent("shipments"), "kind" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(sheet.Replace("收件人电话", Phone, StringComparison.Ordinal))), "file", "b.csv" } };
            var refused = await console.PostPageFormAsync("/console/import", "import", unknownColumn);
            Assert.Contains("不认识的列", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // 对话测试: the citizens' bot asked about an item with a phone in the message, through the one turn pipeline.
            var sandbox = await console.PostPageFormAsync("/console/try", "sandbox", new MultipartFormDataContent
            {
                { new StringContent("citizens"), "bot" }, { new StringContent("0123456789abcdef"), "conversation" },
                { new StringContent("77"), "message" }, { new StringContent($"EA123456785CN到哪了 我电话{Phone}"), "text" },
            });
            Assert.Contains("最新状态", await sandbox.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // 知识库: an entry saved in the editor, and a new one refused for a paraphrase the first has, their text kept out of the log.
            var contacts = await factory.Services.GetRequiredService<ChatPost.Bot.Knowledge.IKnowledgeStore>().GetLatestAsync("contacts", default);
            var saved = await console.PostPageFormAsync("/console/knowledge/entry?id=contacts", "entry", new MultipartFormDataContent
            {
                { new StringContent("contacts"), "id" }, { new StringContent(contacts!.Version.ToString(CultureInfo.InvariantCulture)), "version" },
                { new StringContent(KnowledgeText), "questions" }, { new StringContent($"请拨打{OtherPhone}，{Chatter}"), "answer" },
                { new StringContent("true"), "enabled" },
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var copied = await console.PostPageFormAsync("/console/knowledge/entry", "entry", new MultipartFormDataContent
            {
                { new StringContent("contacts-copy"), "id" }, { new StringContent(KnowledgeText), "questions" }, { new StringContent(Phone), "answer" },
                { new StringContent("true"), "enabled" },
            });
            var refusal = await copied.Content.ReadAsStringAsync();
            Assert.True(refusal.Contains("已经是条目 contacts 的问法", StringComparison.Ordinal), refusal);
            var explained = await console.PostPageFormAsync("/console/knowledge/explain", "explain", new MultipartFormDataContent
            {
                { new StringContent($"{Chatter} 我电话{Phone}"), "question" },
            });
            Assert.Contains("机器人会这样回答", await explained.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("未答问题", await (await console.GetAsync("/console/knowledge/unanswered")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var events = logs.Events;
        // The stretch went through the loud paths: late turns, failed late replies, refused records and keys, a dead robot.
        foreach (var loud in new[] { "1011", "1012", "5001", "6001", "3104", "1060", "1064", "8002", "8012", "9005", "9006", "7002", "7006", "7007", "7008" })
        {
            Assert.True(events.Any(text => text.StartsWith(loud + " ", StringComparison.Ordinal)), $"no event {loud}:\n" + string.Join('\n', events));
        }

        string[] secrets = [IngestKey, StaffSetup.AdminKey[..^1] + "x", "mp-app-SECRET-value", "wecom-SECRET-value", StaffSetup.AdminKey, ChatPostFactory.EncodingAesKey,
            FakeAiRobotPlatform.EncodingAesKey, "=" + FakeAiRobotPlatform.Token, "response_code",
            StaffSetup.Key(0), StaffSetup.Key(1), StaffSetup.Key(2), api.CurrentToken];
        string[] personal = [OpenId, Phone, OtherPhone, Taxpayer, Chatter, "猫咪", "本人收", RobotUser, "wrHygieneChat0123456789", Watched,
            "EA123456785CN", KnowledgeText];
        foreach (var forbidden in secrets.Concat(personal))
        {
            var leaks = events.Where(text => text.Contains(forbidden, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"'{forbidden}' is in the log:\n{string.Join('\n', leaks.Take(3))}");
        }

        Assert.DoesNotContain(events, text => text.Contains("=" + ChatPostFactory.Token + " ", StringComparison.Ordinal));
    }

    /// <summary>Makes every turn miss the deadline, so its replies take the late path and its log lines.</summary>
    private sealed class SlowBot(IBot inner) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            await inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }

    private static async Task WaitUntilWatchedAsync(IItemWatches watches, string? reply)
    {
        for (var since = System.Diagnostics.Stopwatch.StartNew(); since.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(50))
        {
            if ((await watches.ListAsync(OpenId, default)).Any(watch => watch.Item.Id == Watched))
            {
                return;
            }
        }

        Assert.Fail($"{Watched} was never watched; the bot answered: {reply}");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
