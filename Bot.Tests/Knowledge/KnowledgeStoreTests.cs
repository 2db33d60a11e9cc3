using ChatPost.Bot.Audit;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Knowledge;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Knowledge;

/// <summary>The Redis store and its in-memory twin pass the same tests.</summary>
public class KnowledgeStoreTests
{
    public static TheoryData<string> Stores => ["redis", "memory"];

    private static readonly DateTimeOffset At = new(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8));

    private IAuditTrail _audit = new MemoryAuditTrail();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteAsync_NewVersions_AreReadBackWithTheirHistoryAndAudit(string kind)
    {
        var sut = CreateSut(kind);

        var first = await sut.WriteAsync([Version("a", 1, "答一"), Version("b", 1, "答二")], [Audit("a"), Audit("b")], onlyIfEmpty: false, default);
        var second = await sut.WriteAsync([Version("a", 2, "答三")], [Audit("a")], onlyIfEmpty: false, default);
        var deleted = await sut.WriteAsync([Version("b", 2, null)], [Audit("b")], onlyIfEmpty: false, default);
        var snapshot = await sut.ReadAsync(default);

        Assert.Equal([1L, 2L, 3L], new[] { first.Revision, second.Revision, deleted.Revision });
        Assert.Equal(3, await sut.GetRevisionAsync(default));
        Assert.Equal(3, snapshot.Revision);
        Assert.Equal("答三", Assert.Single(snapshot.Entries).Entry!.Answer);
        Assert.Equal([2, 1], (await sut.GetHistoryAsync("a", default)).Select(version => version.Version));
        Assert.True((await sut.GetLatestAsync("b", default))!.IsDeletion);
        Assert.Null(await sut.GetLatestAsync("never", default));
        Assert.Equal(4, (await _audit.ReadAsync(10, default)).Count);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteAsync_AVersionThatIsNotTheNext_WritesNothingAndNamesTheEntry(string kind)
    {
        var sut = CreateSut(kind);
        await sut.WriteAsync([Version("a", 1, "答一")], [], onlyIfEmpty: false, default);

        var stale = await sut.WriteAsync([Version("b", 1, "新"), Version("a", 1, "也是版本一")], [Audit("a")], onlyIfEmpty: false, default);

        Assert.Equal(new KnowledgeWrite(false, 1, "a", 1), stale);
        Assert.Null(await sut.GetLatestAsync("b", default));
        Assert.Equal("答一", (await sut.GetLatestAsync("a", default))!.Entry!.Answer);
        Assert.Empty(await _audit.ReadAsync(10, default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteAsync_OnlyIfEmpty_WritesTheFirstTimeOnly(string kind)
    {
        var sut = CreateSut(kind);

        var seeded = await sut.WriteAsync([Version("a", 1, "种子")], [Audit(null)], onlyIfEmpty: true, default);
        var again = await sut.WriteAsync([Version("b", 1, "又一次")], [Audit(null)], onlyIfEmpty: true, default);

        Assert.True(seeded.Written);
        Assert.False(again.Written);
        Assert.Equal(1, again.Revision);
        Assert.Null(await sut.GetLatestAsync("b", default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteAsync_MoreVersionsThanKept_KeepsTheNewest(string kind)
    {
        var sut = CreateSut(kind, historyLength: 3);

        for (var version = 1; version <= 5; version++)
        {
            await sut.WriteAsync([Version("a", version, $"答{version}")], [], onlyIfEmpty: false, default);
        }

        Assert.Equal([5, 4, 3], (await sut.GetHistoryAsync("a", default)).Select(version => version.Version));
    }

    private static FaqEntryVersion Version(string id, int version, string? answer) =>
        new(id, version, new FaqEntry { Id = id, Questions = ["问" + id], Answer = answer ?? "删除前的回答" },
            answer is null ? FaqEntryVersion.Deleted : FaqEntryVersion.Updated, "tester", At);

    private static AuditEntry Audit(string? id) => new(At, "tester", AuditArea.Knowledge, "updated", id, "api", "");

    private IKnowledgeStore CreateSut(string kind, int historyLength = 100)
    {
        var options = Options.Create(new KnowledgeOptions { HistoryLength = historyLength });
        if (kind == "redis")
        {
            var redis = new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix(kind) }));
            _audit = new RedisAuditTrail(redis);
            return new RedisKnowledgeStore(redis, options);
        }

        var audit = new MemoryAuditTrail();
        _audit = audit;
        return new MemoryKnowledgeStore(audit, options);
    }
}
