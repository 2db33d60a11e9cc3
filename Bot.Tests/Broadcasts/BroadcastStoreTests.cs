using ChatPost.Bot.Audit;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Broadcasts;

/// <summary>The Redis store and its in-memory twin pass the same tests.</summary>
public class BroadcastStoreTests
{
    public static TheoryData<string> Stores => ["redis", "memory"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));
    private IAuditTrail _audit = new MemoryAuditTrail();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task CreateAsync_Immediate_QueuesOneDeliveryPerGroupOnce(string kind)
    {
        var sut = CreateSut(kind);

        var (id, created) = await sut.CreateAsync(Broadcast("b1", at: null), "key-1", Audit("b1"), default);
        var again = await sut.CreateAsync(Broadcast("b2", at: null), "key-1", Audit("b2"), default);
        var tickets = Tickets(await sut.Deliveries.TakeAsync("c1", 10, default));

        Assert.Equal(("b1", true), (id, created));
        Assert.Equal(("b1", false), again);
        Assert.Equal(["g1", "g2", "g3"], tickets.Select(ticket => ticket.GroupId).Order());
        Assert.All(tickets, ticket => Assert.Equal("b1", ticket.BroadcastId));
        Assert.Equal(BroadcastState.Sending, await sut.GetStateAsync("b1", default));
        Assert.Null(await sut.GetAsync("b2", default));
        Assert.All((await sut.GetDeliveriesAsync("b1", default)).Values, delivery => Assert.Equal(DeliveryState.Pending, delivery));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReclaimAsync_UnacknowledgedAfterIdleTime_IsTakenOverOnceAndAcknowledgedIsNot(string kind)
    {
        var sut = CreateSut(kind);
        await sut.CreateAsync(Broadcast("b1", at: null), null, Audit("b1"), default);
        var taken = Tickets(await sut.Deliveries.TakeAsync("dead-replica", 10, default));
        await sut.Deliveries.AcknowledgeAsync(taken[0].Item, default);

        var tooEarly = Tickets(await sut.Deliveries.ReclaimAsync("survivor", TimeSpan.FromMinutes(10), 10, default));
        _time.Advance(TimeSpan.FromSeconds(2));
        var reclaimed = Tickets(await sut.Deliveries.ReclaimAsync("survivor", TimeSpan.Zero, 10, default));

        Assert.Empty(tooEarly);
        Assert.Equal(taken.Skip(1).Select(ticket => ticket.Item.Id).Order(), reclaimed.Select(ticket => ticket.Item.Id).Order());
        Assert.Empty(Tickets(await sut.Deliveries.TakeAsync("survivor", 10, default)));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReleaseAsync_Scheduled_QueuesOnceAndCancelAfterwardsFails(string kind)
    {
        var sut = CreateSut(kind);
        await sut.CreateAsync(Broadcast("b1", at: _time.GetUtcNow().AddHours(1), requestedBy: "boss"), null, Audit("b1"), default);

        var queuedBefore = Tickets(await sut.Deliveries.TakeAsync("c1", 10, default));
        var latest = await sut.LatestScheduledByAsync("boss", default);
        var scheduled = await sut.ScheduledAsync(default);
        var released = await sut.ReleaseAsync("b1", default);
        var releasedAgain = await sut.ReleaseAsync("b1", default);
        var cancelled = await sut.CancelAsync("b1", Audit("b1"), default);

        Assert.Empty(queuedBefore);
        Assert.Equal("b1", latest);
        Assert.Equal(("b1", _time.GetUtcNow().AddHours(1)), Assert.Single(scheduled));
        Assert.True(released);
        Assert.False(releasedAgain);
        Assert.False(cancelled);
        Assert.Equal(3, (Tickets(await sut.Deliveries.TakeAsync("c1", 10, default))).Count);
        Assert.Null(await sut.LatestScheduledByAsync("boss", default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task CancelAsync_Scheduled_NeverQueuesAndIsAudited(string kind)
    {
        var sut = CreateSut(kind);
        await sut.CreateAsync(Broadcast("b1", at: _time.GetUtcNow().AddHours(1), requestedBy: "boss"), null, Audit("b1"), default);

        var cancelled = await sut.CancelAsync("b1", Audit("b1", "cancelled"), default);
        var released = await sut.ReleaseAsync("b1", default);

        Assert.True(cancelled);
        Assert.False(released);
        Assert.Equal(BroadcastState.Cancelled, await sut.GetStateAsync("b1", default));
        Assert.Empty(Tickets(await sut.Deliveries.TakeAsync("c1", 10, default)));
        Assert.Empty(await sut.ScheduledAsync(default));
        Assert.Equal(["cancelled", "accepted"], (await _audit.ReadAsync(10, default)).Select(entry => entry.Action));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SaveDeliveryAsync_AndSummaryClaim_AreKeptPerGroupAndOnce(string kind)
    {
        var sut = CreateSut(kind);
        await sut.CreateAsync(Broadcast("b1", at: null), null, Audit("b1"), default);
        var sent = new DeliveryState(DeliveryStatus.Sent, 2, 1, null, _time.GetUtcNow());

        var afterFirst = await sut.SaveDeliveryAsync("b1", "g2", sent, default);
        var afterAgain = await sut.SaveDeliveryAsync("b1", "g2", sent, default);
        var afterPending = await sut.SaveDeliveryAsync("b1", "g1", DeliveryState.Pending with { Attempts = 1 }, default);

        Assert.Equal([2L, 2L, 2L], new[] { afterFirst, afterAgain, afterPending });
        Assert.Equal(sent, await sut.GetDeliveryAsync("b1", "g2", default));
        Assert.Equal(1, (await sut.GetDeliveryAsync("b1", "g1", default))!.Attempts);
        Assert.Equal(1L, await sut.SaveDeliveryAsync("b1", "g1", sent, default));
        Assert.Equal(0L, await sut.SaveDeliveryAsync("b1", "g3", sent, default));
        Assert.True(await sut.TryClaimSummaryAsync("b1", default));
        Assert.False(await sut.TryClaimSummaryAsync("b1", default));
    }

    private static List<DeliveryTicket> Tickets(IReadOnlyList<WorkItem> items) => [.. items.Select(DeliveryTicket.From).OfType<DeliveryTicket>()];

    private IBroadcastStore CreateSut(string kind)
    {
        if (kind == "redis")
        {
            var redis = new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix(kind) }));
            _audit = new RedisAuditTrail(redis);
            return new RedisBroadcastStore(redis);
        }

        var audit = new MemoryAuditTrail();
        _audit = audit;
        return new MemoryBroadcastStore(_time, audit);
    }

    private Broadcast Broadcast(string id, DateTimeOffset? at, string? requestedBy = null) =>
        new(id, requestedBy, "api", "标题", [BroadcastPart.Text("内容"), BroadcastPart.Markdown("**md**")], ["g1", "g2", "g3"], _time.GetUtcNow(), at);

    private AuditEntry Audit(string id, string action = "accepted") => new(_time.GetUtcNow(), "boss", AuditArea.Broadcast, action, id, "api", "3 groups");
}
