using System.Diagnostics.Metrics;
using System.Globalization;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Notifications;

/// <summary>
/// From ingestion to the user, over real Redis and the local fake of WeChat's API: the customer-service window, template
/// messages, notifications kept for the user's next message, and WeChat's refusals.
/// </summary>
public class NotificationDeliveryTests
{
    private const string ApiKey = "ingest-key-0123456789abcdef";
    private const string Parcel = "EB111222332CN";
    private static readonly DateTimeOffset Posted = DateTimeOffset.UtcNow.AddHours(-6);

    [Fact]
    public async Task InsideTheWindow_EachChangeOnce_AsACustomerServiceMessage()
    {
        await using var scenario = await Scenario.StartAsync();
        var citizen = await scenario.WatcherAsync("oInsideWindow0001");

        await scenario.IngestAsync(Citizen.Scan(Parcel, "out_for_delivery", Posted.AddHours(2), "襄州区交通路投递站", "投递员张师傅派送中"));
        var outForDelivery = await scenario.Api.TakeCustomMessagesAsync(1);
        // The same batch again, a scan in transit and an older exception: nothing new to tell. Then the delivery.
        await scenario.IngestAsync(Citizen.Scan(Parcel, "out_for_delivery", Posted.AddHours(2), "襄州区交通路投递站", "投递员张师傅派送中"),
            Citizen.Scan(Parcel, "in_transit", Posted.AddHours(1)), Citizen.Scan(Parcel, "exception", Posted.AddHours(1.5)));
        await scenario.IngestAsync(Citizen.Scan(Parcel, "delivered", Posted.AddHours(3), "襄州区交通路投递站", "已签收，签收人：张三"));
        var delivered = await scenario.Api.TakeCustomMessagesAsync(1);

        Assert.Equal(citizen.OpenId, (string?)outForDelivery[0]["touser"]);
        var first = (string)outForDelivery[0]["text"]!["content"]!;
        Assert.StartsWith($"【进度提醒】您关注的邮件 {Parcel}：派送中\n时间：", first, StringComparison.Ordinal);
        Assert.Contains("地点：襄州区交通路投递站\n说明：投递员张师傅派送中", first, StringComparison.Ordinal);
        var last = (string)delivered[0]["text"]!["content"]!;
        Assert.Contains("已签收", last, StringComparison.Ordinal);
        Assert.Contains("签收人：张*", last, StringComparison.Ordinal);
        Assert.EndsWith("此项提醒已结束。", last, StringComparison.Ordinal);
        // Replies to one user go in order, so the delivery's message came after anything the repeats could have sent.
        Assert.Equal((0, 0), (scenario.Api.CustomMessageCount, scenario.Api.TemplateMessageCount));
        await scenario.WaitUntilNotWatchingAsync(citizen);
        await Scenario.WaitUntilAsync(async () => !await scenario.Redis.KeyExistsAsync(RedisKeys.Watchers("s:" + Parcel)), "the item's watchers are gone");
        await scenario.WaitForCountAsync("chatpost.watches.created", 1, "kind=shipment");
        await scenario.WaitForCountAsync("chatpost.notifications", 2, "channel=customer_service", "outcome=sent");
        await scenario.WaitForCountAsync("chatpost.watches.ended", 1, "reason=arrived");
    }

    [Fact]
    public async Task OutsideTheWindow_TemplateConfigured_SendsTheTemplateMessage()
    {
        await using var scenario = await Scenario.StartAsync(WithTemplate);
        var citizen = await scenario.WatcherAsync("oOutsideWindow001");
        await scenario.LastWroteAsync(citizen, TimeSpan.FromHours(49));

        await scenario.IngestAsync(Citizen.Scan(Parcel, "out_for_delivery", Posted.AddHours(2), "襄州区交通路投递站，二号柜台旁的投递员工作间"));
        var sent = await scenario.Api.TakeTemplateMessagesAsync(1);

        var message = sent[0];
        Assert.Equal(citizen.OpenId, (string?)message["touser"]);
        Assert.Equal("tpl-shipment-1", (string?)message["template_id"]);
        Assert.Equal(Parcel, (string?)message["data"]!["character_string1"]!["value"]);
        Assert.Equal("派送中", (string?)message["data"]!["phrase2"]!["value"]);
        Assert.Equal("襄州区交通路投递站，二号柜台旁的投递员…", (string?)message["data"]!["thing3"]!["value"]);
        Assert.Equal(0, scenario.Api.CustomMessageCount);
        await scenario.WaitForCountAsync("chatpost.notifications", 1, "channel=template", "outcome=sent");
    }

    [Fact]
    public async Task OutsideTheWindow_NoTemplate_KeptThenSentWhenTheUserWrites()
    {
        await using var scenario = await Scenario.StartAsync();
        var citizen = await scenario.WatcherAsync("oOutsideWindow002");
        await scenario.LastWroteAsync(citizen, TimeSpan.FromHours(49));

        await scenario.IngestAsync(Citizen.Scan(Parcel, "out_for_delivery", Posted.AddHours(2)));
        await scenario.WaitUntilAsync(citizen, UserWatchesFields.Deferred, present: true);
        var sentWhileAway = scenario.Api.CustomMessageCount;
        var answer = await citizen.SayAsync("你好");
        var sent = await scenario.Api.TakeCustomMessagesAsync(1);

        Assert.Equal(0, sentWhileAway);
        Assert.NotNull(answer);
        await scenario.WaitForCountAsync("chatpost.notifications", 1, "channel=deferred", "outcome=kept");
        Assert.StartsWith($"【进度提醒】您关注的邮件 {Parcel}：派送中", (string?)sent[0]["text"]!["content"], StringComparison.Ordinal);
        await scenario.WaitUntilAsync(citizen, UserWatchesFields.Deferred, present: false);
    }

    [Fact]
    public async Task OutsideTheWindow_SeveralChangesWhileAway_OnlyTheLatestGoesAtTheNextMessage_Once()
    {
        await using var scenario = await Scenario.StartAsync();
        var citizen = await scenario.WatcherAsync("oAwayTwoChanges1");
        await scenario.LastWroteAsync(citizen, TimeSpan.FromHours(49));

        await scenario.IngestAsync(Citizen.Scan(Parcel, "out_for_delivery", Posted.AddHours(2)));
        await scenario.WaitUntilAsync(citizen, UserWatchesFields.Deferred, present: true);
        await scenario.IngestAsync(Citizen.Scan(Parcel, "delivered", Posted.AddHours(3), description: "已签收，本人收"));
        await scenario.WaitUntilOutboxEmptyAsync();
        var sentWhileAway = scenario.Api.CustomMessageCount;
        await citizen.SayAsync("你好");
        await citizen.SayAsync("谢谢"); // a second message releases nothing more: it was told
        var sent = await scenario.Api.TakeCustomMessagesAsync(1);

        Assert.Equal(0, sentWhileAway);
        var text = (string)sent[0]["text"]!["content"]!;
        Assert.StartsWith($"【进度提醒】您关注的邮件 {Parcel}：已签收", text, StringComparison.Ordinal);
        Assert.EndsWith("此项提醒已结束。", text, StringComparison.Ordinal);
        await scenario.WaitUntilNotWatchingAsync(citizen);
        await scenario.WaitUntilOutboxEmptyAsync();
        Assert.Equal(0, scenario.Api.CustomMessageCount);
    }

    [Fact]
    public async Task OutsideTheWindow_MoreKeptThanTheQuota_TheRestGoAtTheFollowingMessage()
    {
        string[] parcels = ["EB111222332CN", "ED555666777CN", "EE777888999CN"];
        await using var scenario = await Scenario.StartAsync(settings => settings["Notifications:CustomerServicePerMessage"] = "2");
        await scenario.IngestAsync([.. parcels.Select(parcel => Citizen.Scan(parcel, "accepted", Posted))]);
        var citizen = new Citizen(scenario.CreateClient(), "oAwayThreeItems1");
        Assert.Contains("已加入提醒", await citizen.SayAsync("提醒 " + string.Join(' ', parcels)), StringComparison.Ordinal);
        await scenario.LastWroteAsync(citizen, TimeSpan.FromHours(49));

        await scenario.IngestAsync([.. parcels.Select(parcel => Citizen.Scan(parcel, "out_for_delivery", Posted.AddHours(2)))]);
        await scenario.WaitUntilOutboxEmptyAsync();
        await citizen.SayAsync("你好");
        var first = await scenario.Api.TakeCustomMessagesAsync(2);
        await scenario.WaitUntilOutboxEmptyAsync();
        var beyondTheQuota = scenario.Api.CustomMessageCount;
        await citizen.SayAsync("还有吗");
        var last = await scenario.Api.TakeCustomMessagesAsync(1);

        Assert.Equal(0, beyondTheQuota);
        Assert.Equal(parcels, first.Concat(last).Select(message => ((string)message["text"]!["content"]!).Split(' ', '：')[1]).Order());
        await scenario.WaitUntilAsync(citizen, UserWatchesFields.Deferred, present: false);
    }

    [Fact]
    public async Task InvoiceApplication_EachStateOnce_MailedMovesTheWatchToItsParcel_RejectedEndsIt()
    {
        const string Application = "FP20200302000007", Refused = "FP20200302000008", Mailed = "1173456789012";
        await using var scenario = await Scenario.StartAsync();
        await scenario.IngestApplicationsAsync(Citizen.Application(Application, "submitted", Posted), Citizen.Application(Refused, "submitted", Posted));
        var citizen = new Citizen(scenario.CreateClient(), "oInvoiceWatcher1");
        Assert.Contains("已加入提醒", await citizen.SayAsync($"提醒 {Application}"), StringComparison.Ordinal);
        Assert.Contains("已加入提醒", await citizen.SayAsync($"{Refused} 有进展通知我"), StringComparison.Ordinal);

        await scenario.IngestApplicationsAsync(Citizen.Application(Application, "approved", Posted.AddHours(1)),
            Citizen.Application(Refused, "rejected", Posted.AddHours(1), note: "发票专用章不清晰"));
        var first = await scenario.Api.TakeCustomMessagesAsync(2);
        await scenario.IngestApplicationsAsync(Citizen.Application(Application, "mailed", Posted.AddHours(2), trackingNo: Mailed));
        var mailed = await scenario.Api.TakeCustomMessagesAsync(1);
        await Scenario.WaitUntilAsync(async () => (await scenario.Watches.ListAsync(citizen.OpenId, default)).Select(watch => watch.Item.Key).SequenceEqual(["s:" + Mailed]),
            "the watch follows the parcel");
        await scenario.IngestAsync(Citizen.Scan(Mailed, "delivered", Posted.AddHours(20)));
        var delivered = await scenario.Api.TakeCustomMessagesAsync(1);

        var texts = first.Select(message => (string)message["text"]!["content"]!).Order().ToList();
        Assert.StartsWith($"【进度提醒】您关注的发票申请 {Application}：已审核", texts[0], StringComparison.Ordinal);
        Assert.StartsWith($"【进度提醒】您关注的发票申请 {Refused}：未通过", texts[1], StringComparison.Ordinal);
        Assert.Contains("原因：发票专用章不清晰", texts[1], StringComparison.Ordinal);
        Assert.Contains($"邮件号：{Mailed}，派送和签收时会继续通知您。", (string?)mailed[0]["text"]!["content"], StringComparison.Ordinal);
        Assert.StartsWith($"【进度提醒】您关注的邮件 {Mailed}：已签收", (string?)delivered[0]["text"]!["content"], StringComparison.Ordinal);
        await scenario.WaitUntilNotWatchingAsync(citizen);
        await scenario.WaitForCountAsync("chatpost.watches.ended", 1, "reason=moved");
        await scenario.WaitForCountAsync("chatpost.watches.ended", 2, "reason=arrived");
    }

    [Theory]
    [InlineData(WeChatErrorCodes.OutOfResponseCountLimit, "template")] // the quota of the user's message is used
    [InlineData(WeChatErrorCodes.ResponseOutOfTimeLimit, "template")] // the window closed sooner than we knew
    [InlineData(WeChatErrorCodes.ApiUnauthorized, "template")]
    [InlineData(WeChatErrorCodes.RequireSubscribe, "forgotten")] // they unfollowed
    public async Task CustomerServiceRefused_HandledForWhatItMeans_NeverRetriedBlindly(int errorCode, string expected)
    {
        await using var scenario = await Scenario.StartAsync(WithTemplate);
        var citizen = await scenario.WatcherAsync($"oRefused{errorCode}xx");
        scenario.Api.RefuseCustomMessagesWith = errorCode;

        await scenario.IngestAsync(Citizen.Scan(Parcel, "out_for_delivery", Posted.AddHours(2)));
        if (expected == "template")
        {
            await scenario.Api.TakeTemplateMessagesAsync(1);
            // The next change goes straight to the template: the window is known closed until the user writes.
            await scenario.IngestAsync(Citizen.Scan(Parcel, "exception", Posted.AddHours(3), description: "地址不详"));
            await scenario.Api.TakeTemplateMessagesAsync(1);
        }
        else
        {
            await scenario.WaitUntilGoneAsync(citizen);
            await Scenario.WaitUntilAsync(async () => !await scenario.Redis.KeyExistsAsync(RedisKeys.Watchers("s:" + Parcel)), "the item's watchers are gone");
            await scenario.WaitForCountAsync("chatpost.watches.ended", 1, "reason=unfollowed");
        }

        Assert.Equal(1, scenario.Api.RefusedSends);
        await scenario.WaitForCountAsync("chatpost.notifications", 1, "channel=customer_service",
            "outcome=" + (expected == "template" ? "refused" : "unfollowed"));
    }

    [Fact]
    public async Task CustomerServiceQuotaUsed_NoTemplate_KeptWithoutAnotherTry_SentWhenTheUserWrites()
    {
        await using var scenario = await Scenario.StartAsync();
        var citizen = await scenario.WatcherAsync("oQuotaUsedNoTpl1");
        scenario.Api.RefuseCustomMessagesWith = WeChatErrorCodes.OutOfResponseCountLimit;

        await scenario.IngestAsync(Citizen.Scan(Parcel, "out_for_delivery", Posted.AddHours(2)));
        await scenario.WaitUntilAsync(citizen, UserWatchesFields.Deferred, present: true);
        // The next change waits too, without asking WeChat again: the quota is known used until the user writes.
        await scenario.IngestAsync(Citizen.Scan(Parcel, "exception", Posted.AddHours(3), description: "地址不详"));
        await scenario.WaitUntilOutboxEmptyAsync();
        var refusedWhileAway = scenario.Api.RefusedSends;
        scenario.Api.RefuseCustomMessagesWith = null; // a new message, a new quota
        await citizen.SayAsync("你好");
        var sent = await scenario.Api.TakeCustomMessagesAsync(1);

        Assert.Equal(1, refusedWhileAway);
        Assert.StartsWith($"【进度提醒】您关注的邮件 {Parcel}：异常", (string?)sent[0]["text"]!["content"], StringComparison.Ordinal);
        await scenario.WaitUntilAsync(citizen, UserWatchesFields.Deferred, present: false);
        await scenario.WaitUntilOutboxEmptyAsync();
        Assert.Equal(0, scenario.Api.CustomMessageCount);
        await scenario.WaitForCountAsync("chatpost.notifications", 2, "channel=deferred", "outcome=kept");
    }

    [Fact]
    public async Task TemplateRefused_KeptForTheUsersNextMessage()
    {
        await using var scenario = await Scenario.StartAsync(WithTemplate);
        var citizen = await scenario.WatcherAsync("oTemplateRefused1");
        await scenario.LastWroteAsync(citizen, TimeSpan.FromHours(49));
        scenario.Api.RefuseTemplateMessagesWith = WeChatErrorCodes.ApiUnauthorized;

        await scenario.IngestAsync(Citizen.Scan(Parcel, "out_for_delivery", Posted.AddHours(2)));
        await scenario.WaitUntilAsync(citizen, UserWatchesFields.Deferred, present: true);

        Assert.Equal(1, scenario.Api.RefusedSends);
        Assert.Equal(0, scenario.Api.CustomMessageCount);
    }

    [Fact]
    public async Task Unfollow_WithWatches_RemovesEveryWatchAndIndexEntry()
    {
        await using var scenario = await Scenario.StartAsync();
        var citizen = await scenario.WatcherAsync("oUnfollower00001");
        await scenario.IngestAsync(Citizen.Scan("ED555666777CN", "accepted", Posted));
        Assert.Contains("已加入提醒", await citizen.SayAsync("提醒 ED555666777CN"), StringComparison.Ordinal);

        await citizen.UnfollowAsync();

        // A turn later than WeChat's deadline finishes after the answer: wait for it.
        await scenario.WaitUntilGoneAsync(citizen);
        await Scenario.WaitUntilAsync(async () => !await scenario.Redis.KeyExistsAsync(RedisKeys.Watchers("s:" + Parcel))
            && !await scenario.Redis.KeyExistsAsync(RedisKeys.Watchers("s:ED555666777CN")), "the items' watchers are gone");
    }

    [Fact]
    public async Task EmbeddedMode_WatchAndNotify_WorksWithoutRedis()
    {
        await using var scenario = await Scenario.StartAsync(embedded: true);
        var citizen = await scenario.WatcherAsync("oEmbedded0000001");

        await scenario.IngestAsync(Citizen.Scan(Parcel, "delivered", Posted.AddHours(3)));
        var sent = await scenario.Api.TakeCustomMessagesAsync(1);

        Assert.Contains("已签收", (string?)sent[0]["text"]!["content"], StringComparison.Ordinal);
        await scenario.WaitUntilNotWatchingAsync(citizen);
    }

    private static void WithTemplate(Dictionary<string, string?> settings)
    {
        const string Template = "WeChat:OfficialAccount:Templates:ShipmentUpdate:";
        settings[Template + "TemplateId"] = "tpl-shipment-1";
        settings[Template + "Fields:character_string1"] = TemplateField.Item;
        settings[Template + "Fields:phrase2"] = TemplateField.Status;
        settings[Template + "Fields:thing3"] = TemplateField.Place;
        settings[Template + "Fields:time4"] = TemplateField.Time;
    }

    /// <summary>The fields of a user's notification record these tests look at.</summary>
    private static class UserWatchesFields
    {
        public const string Deferred = "deferred";
    }

    /// <summary>The service in process (on Redis, or embedded), the fake WeChat API, and helpers to drive them.</summary>
    private sealed class Scenario : IAsyncDisposable
    {
        private ChatPostFactory _factory = null!;
        private string? _prefix;
        private Dictionary<string, MetricCollector<long>> _counters = null!;

        public FakeWeChatApi Api { get; private set; } = null!;

        public IItemWatches Watches => _factory.Services.GetRequiredService<IItemWatches>();

        public IDatabase Redis => _factory.Services.GetRequiredService<RedisConnection>().Database;

        public static async Task<Scenario> StartAsync(Action<Dictionary<string, string?>>? configure = null, bool embedded = false)
        {
            var scenario = new Scenario { Api = await FakeWeChatApi.StartAsync(), _prefix = embedded ? null : TestRedis.Prefix() };
            var settings = new Dictionary<string, string?>
            {
                ["Ingest:ApiKey"] = ApiKey,
                ["LateReplies:PollInterval"] = "00:00:00.020",
            };
            configure?.Invoke(settings);
            scenario._factory = new ChatPostFactory(scenario._prefix, scenario.Api, settings);
            var meters = scenario._factory.Services.GetRequiredService<IMeterFactory>();
            scenario._counters = new[] { "chatpost.watches.created", "chatpost.notifications", "chatpost.watches.ended" }
                .ToDictionary(name => name, name => new MetricCollector<long>(meters, ChatPostMetrics.MeterName, name));
            await IngestAsync(scenario._factory.CreateClient(), Citizen.Scan(Parcel, "accepted", Posted));
            return scenario;
        }

        /// <summary>A citizen who asked about the parcel and then said 提醒.</summary>
        public async Task<Citizen> WatcherAsync(string openId)
        {
            var citizen = new Citizen(_factory.CreateClient(), openId);
            Assert.EndsWith(NotificationReplies.Offer, await citizen.SayAsync(Parcel + "到哪了"), StringComparison.Ordinal);
            Assert.StartsWith(NotificationReplies.Added(WatchedItem.Shipment(Parcel)), await citizen.SayAsync("提醒"), StringComparison.Ordinal);
            return citizen;
        }

        public Task IngestAsync(params object[] events) => IngestAsync(_factory.CreateClient(), events);

        public Task IngestApplicationsAsync(params object[] applications) =>
            Citizen.IngestInvoiceApplicationsAsync(_factory.CreateClient(), ApiKey, applications);

        public HttpClient CreateClient() => _factory.CreateClient();

        /// <summary>Waits until the outbox has sent (or dropped) everything queued: what was not sent by then is not coming.</summary>
        public Task WaitUntilOutboxEmptyAsync() =>
            WaitUntilAsync(async () => await Redis.StreamLengthAsync(RedisKeys.LateReplies) == 0, "the outbox is empty");

        /// <summary>
        /// Waits until this service's counter <paramref name="instrument"/> has counted <paramref name="expected"/> with the
        /// tags (<c>name=value</c>), then checks it counted no more. Read from this host's own meter, as the other metric tests
        /// read theirs, not from <c>/metrics</c>: OpenTelemetry fills an in-process host's <c>/metrics</c> from every host's
        /// meter of that name, so counts there rose with the tests running beside this one, and once (on CI) never showed
        /// this one's. A count is recorded once WeChat answered, which on a loaded machine may be an attempt's timeout and a
        /// retry later than the fake took the message (up to <see cref="Patience"/>).
        /// </summary>
        public async Task WaitForCountAsync(string instrument, long expected, params string[] tags)
        {
            var collector = _counters[instrument];
            var wanted = tags.Select(tag => tag.Split('=', 2)).Select(pair => new KeyValuePair<string, object?>(pair[0], pair[1])).ToArray();
            long Counted() => collector.GetMeasurementSnapshot().Where(measurement => measurement.ContainsTags(wanted)).Sum(measurement => measurement.Value);
            await WaitUntilAsync(() => Task.FromResult(Counted() >= expected), $"{instrument} {string.Join(',', tags)} counts {expected}");
            Assert.Equal(expected, Counted());
        }

        /// <summary>Makes the citizen's last message <paramref name="ago"/> old, as if they had not written since.</summary>
        public async Task LastWroteAsync(Citizen citizen, TimeSpan ago) => await Redis.HashSetAsync(RedisKeys.Notifications(citizen.OpenId), "seen",
            (DateTimeOffset.UtcNow - ago).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

        /// <summary>
        /// How long a test waits for the outbox: one send to WeChat may take the API client's whole budget (20 s: attempts of
        /// 5 s, retried) before it counts, ends a watch or leaves the outbox.
        /// </summary>
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        /// <summary>Waits (up to <see cref="Patience"/>) until <paramref name="condition"/> holds: the outbox works on its own time.</summary>
        public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!await condition() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.True(await condition(), "not so in time: " + what);
        }

        public Task WaitUntilAsync(Citizen citizen, string field, bool present) =>
            WaitUntilAsync(async () => await Redis.HashExistsAsync(RedisKeys.Notifications(citizen.OpenId), field) == present, $"{field} present: {present}");

        /// <summary>Waits until the citizen's watch ended: it does, right after WeChat took the message that told the last state.</summary>
        public Task WaitUntilNotWatchingAsync(Citizen citizen) =>
            WaitUntilAsync(async () => (await Watches.ListAsync(citizen.OpenId, default)).Count == 0, "the watch ended");

        public Task WaitUntilGoneAsync(Citizen citizen) =>
            WaitUntilAsync(async () => !await Redis.KeyExistsAsync(RedisKeys.Notifications(citizen.OpenId)), "the user's record is gone");

        public async ValueTask DisposeAsync()
        {
            foreach (var counter in _counters.Values)
            {
                counter.Dispose();
            }

            await _factory.DisposeAsync();
            await Api.DisposeAsync();
        }

        private static Task IngestAsync(HttpClient client, params object[] events) => Citizen.IngestShipmentsAsync(client, ApiKey, events);
    }
}
