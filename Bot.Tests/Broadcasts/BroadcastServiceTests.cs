using ChatPost.Bot.Audit;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Dialogs.Features.ManagerBroadcast;
using ChatPost.Bot.Dialogs.Staff;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Quartz;

namespace ChatPost.Bot.Tests.Broadcasts;

public class BroadcastServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task SubmitAsync_FromChat_ScheduledBeyondWhatTheStoreKeeps_IsRefusedAndNothingStored()
    {
        var audit = new MemoryAuditTrail();
        var store = new MemoryBroadcastStore(_time, audit);
        var schedulers = new Mock<ISchedulerFactory>(MockBehavior.Strict);
        var staff = new StaffOptions
        {
            Groups = [new GroupOptions { Id = "g1", Name = "武汉分公司工作群", City = "武汉", WebhookKey = "k1" }],
            Managers = [new ManagerOptions { UserId = "boss", Name = "省公司", Scope = "province" }],
        };
        var sut = new BroadcastService(store, audit, new StaffDirectory(Options.Create(staff)), new BroadcastScheduler(schedulers.Object), _time,
            NullLogger<BroadcastService>.Instance);

        var submission = await sut.SubmitAsync(new BroadcastRequest("boss", "年度例会", null, [], [], _time.GetUtcNow().AddDays(40), "k", "chat"),
            default);

        Assert.Equal(BroadcastReplies.TooFarAhead, submission.Refusal);
        Assert.Null(await store.LatestScheduledByAsync("boss", default));
        Assert.Equal("refused", Assert.Single(await audit.ReadAsync(10, default)).Action);
    }
}
