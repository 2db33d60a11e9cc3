using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Broadcasts;

public class BroadcastDurabilityTests
{
    [Fact]
    public async Task Restart_InTheMiddleOfABroadcast_TheNextProcessFinishesItAndResendsNothing()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        var prefix = TestRedis.Prefix();
        string?[] cities = ["武汉", "黄石", "十堰", "宜昌", "襄阳"];
        // The first process delivers one group at a time, never retries (within the test) and meets two failures.
        var first = StaffSetup.Settings(webhook, null, cities, retryAfter: "01:00:00", robotRetries: 0);
        first["Broadcasts:MaxConcurrentDeliveries"] = "1";
        webhook.FailNext(FakeWebhook.Fault.ServerError, FakeWebhook.Fault.ServerError);
        string id;
        using var deliveries = new LogSignal(3152, 3153);
        await using (var before = new ChatPostFactory(prefix, settings: first, services: services => services.AddSingleton<ILoggerProvider>(deliveries)))
        {
            var response = await BroadcastApiTests.Admin(before, null).PostAsJsonAsync("/api/broadcasts", new { text = "重启也不丢" });
            id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            // Stop once three deliveries are recorded as sent and two wait for a retry: mid-broadcast, nothing in flight.
            await deliveries.WaitForAsync(3153, 2);
            await deliveries.WaitForAsync(3152, 3);
        }

        await using var after = new ChatPostFactory(prefix, settings: StaffSetup.Settings(webhook, null, cities, retryAfter: "00:00:01"));
        _ = after.Server; // start the second process
        await Task.WhenAll(Enumerable.Range(0, 2).Select(i => webhook.WaitForMessagesAsync(StaffSetup.Key(i), 1)));
        var report = await BroadcastApiTests.Admin(after, null).GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}");

        Assert.All(Enumerable.Range(0, 5), i => Assert.Single(webhook.MessagesFor(StaffSetup.Key(i))));
        Assert.Equal("completed", (string?)report!["state"]);
        Assert.Equal(5, (int)report["summary"]!["sent"]!);
        Assert.Equal(1, (int)report["groups"]![0]!["attempts"]!);
    }

    [Fact]
    public async Task SentPartWhoseRecordRedisRefuses_IsResentAndTheReportSaysTheGroupMayHaveItTwice()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        string?[] cities = ["武汉", "黄石"];
        using var completions = new LogSignal(3156);
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: StaffSetup.Settings(webhook, null, cities, retryAfter: "00:00:01"),
            services: services =>
            {
                services.AddSingleton<ILoggerProvider>(completions);
                // As in a failover: WeCom took g0's message, then Redis refused the record that said so.
                services.AddSingleton<IBroadcastStore>(provider => new RefusesFirstRecordOfSent(ActivatorUtilities.CreateInstance<RedisBroadcastStore>(provider), "g0"));
            });
        var admin = BroadcastApiTests.Admin(factory, null);

        var response = await admin.PostAsJsonAsync("/api/broadcasts", new { text = "记不下也要说清" });
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await completions.WaitForAsync(3156, 1);
        var groups = (await admin.GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}"))!["groups"]!.AsArray();

        Assert.Equal(2, webhook.MessagesFor(StaffSetup.Key(0)).Count);
        Assert.Single(webhook.MessagesFor(StaffSetup.Key(1)));
        Assert.Equal([true, false], groups.Select(group => (bool)group!["mayHaveDuplicate"]!));
        Assert.All(groups, group => Assert.Equal("sent", (string?)group!["state"]));
    }

    /// <summary>The real store, except that it refuses once to record that <c>groupId</c>'s delivery was sent.</summary>
    private sealed class RefusesFirstRecordOfSent(IBroadcastStore store, string groupId) : IBroadcastStore
    {
        private int _refused;

        public IWorkBacklog Deliveries => store.Deliveries;

        public Task<long> SaveDeliveryAsync(string id, string group, DeliveryState state, CancellationToken cancellationToken) =>
            group == groupId && state.Status == DeliveryStatus.Sent && Interlocked.Exchange(ref _refused, 1) == 0
                ? throw new TimeoutException("the record met a failover (as ERR WAIT cannot be used with replica instances)")
                : store.SaveDeliveryAsync(id, group, state, cancellationToken);

        public Task<(string Id, bool Created)> CreateAsync(Broadcast broadcast, string? idempotencyKey, AuditEntry audit, CancellationToken cancellationToken) =>
            store.CreateAsync(broadcast, idempotencyKey, audit, cancellationToken);

        public Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken) => store.FindByIdempotencyKeyAsync(idempotencyKey, cancellationToken);

        public Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

        public Task<BroadcastState?> GetStateAsync(string id, CancellationToken cancellationToken) => store.GetStateAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<string, DeliveryState>> GetDeliveriesAsync(string id, CancellationToken cancellationToken) => store.GetDeliveriesAsync(id, cancellationToken);

        public Task<DeliveryState?> GetDeliveryAsync(string id, string group, CancellationToken cancellationToken) => store.GetDeliveryAsync(id, group, cancellationToken);

        public Task<bool> ReleaseAsync(string id, CancellationToken cancellationToken) => store.ReleaseAsync(id, cancellationToken);

        public Task<bool> CancelAsync(string id, AuditEntry audit, CancellationToken cancellationToken) => store.CancelAsync(id, audit, cancellationToken);

        public Task<string?> LatestScheduledByAsync(string managerId, CancellationToken cancellationToken) => store.LatestScheduledByAsync(managerId, cancellationToken);

        public Task<IReadOnlyList<string>> RecentAsync(int count, CancellationToken cancellationToken) => store.RecentAsync(count, cancellationToken);

        public Task<IReadOnlyList<(string Id, DateTimeOffset At)>> ScheduledAsync(CancellationToken cancellationToken) => store.ScheduledAsync(cancellationToken);

        public Task<bool> TryClaimSummaryAsync(string id, CancellationToken cancellationToken) => store.TryClaimSummaryAsync(id, cancellationToken);
    }
}
