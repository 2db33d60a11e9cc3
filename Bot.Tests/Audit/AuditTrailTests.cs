using ChatPost.Bot.Audit;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Audit;

/// <summary>The Redis trail and its in-memory twin pass the same tests.</summary>
public class AuditTrailTests
{
    public static TheoryData<string> Stores => ["redis", "memory"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SearchAsync_ByActorActionAndTime_FindsOnlyTheLinesThatMeetEveryCondition(string kind)
    {
        var sut = CreateSut(kind);
        var day = new DateTimeOffset(2020, 3, 4, 0, 0, 0, TimeSpan.FromHours(8));
        await WriteAuditAsync(sut,
            new(day.AddHours(-2), "boss", Area("accepted"), "accepted", "b1", "api", ""),
            new(day.AddHours(9), "boss", Area("signed-in"), "signed-in", null, "console", ""),
            new(day.AddHours(10), "Boss", Area("accepted"), "accepted", "b2", "console", ""),
            new(day.AddHours(11), "wuhan", Area("accepted"), "accepted", "b3", "console", ""),
            new(day.AddHours(25), "boss", Area("accepted"), "accepted", "b4", "console", ""));

        var bossAccepted = await sut.SearchAsync(new AuditQuery(Actor: "BOSS", Action: "accepted"), default);
        var onTheDay = await sut.SearchAsync(new AuditQuery(Actor: "boss", From: day, Until: day.AddDays(1)), default);
        var nobody = await sut.SearchAsync(new AuditQuery(Actor: "nobody"), default);

        Assert.Equal(["b4", "b2", "b1"], bossAccepted.Entries.Select(entry => entry.Subject));
        Assert.Equal(["accepted", "signed-in"], onTheDay.Entries.Select(entry => entry.Action));
        Assert.Equal((0, null), (nobody.Entries.Count, nobody.Next));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SearchAsync_InPages_GoesOnWhereThePageBeforeStopped(string kind)
    {
        var sut = CreateSut(kind);
        await WriteAuditAsync(sut, [.. Enumerable.Range(1, 5).Select(i => new AuditEntry(_time.GetUtcNow().AddMinutes(i), "boss", Area("accepted"), "accepted", $"b{i}", "api", ""))]);

        var first = await sut.SearchAsync(new AuditQuery(Count: 2), default);
        var second = await sut.SearchAsync(new AuditQuery(Count: 2, After: first.Next), default);
        var third = await sut.SearchAsync(new AuditQuery(Count: 2, After: second.Next), default);
        var forged = await sut.SearchAsync(new AuditQuery(After: "0-0 OR 1"), default);

        Assert.Equal(["b5", "b4", "b3", "b2", "b1"], new[] { first, second, third }.SelectMany(page => page.Entries).Select(entry => entry.Subject));
        Assert.Null(third.Next);
        Assert.Empty(forged.Entries);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SearchAsync_ReadsAtMostTheScanLimit_AndSaysWhereToGoOn(string kind)
    {
        var sut = CreateSut(kind);
        await WriteAuditAsync(sut, [
            new(_time.GetUtcNow(), "rare", Area("accepted"), "accepted", "b0", "api", ""),
            .. Enumerable.Range(0, AuditSearch.ScanLimit + 10).Select(_ => new AuditEntry(_time.GetUtcNow(), "boss", Area("signed-in"), "signed-in", null, "console", "")),
        ]);

        var first = await sut.SearchAsync(new AuditQuery(Actor: "rare"), default);
        var second = await sut.SearchAsync(new AuditQuery(Actor: "rare", After: first.Next), default);

        Assert.Empty(first.Entries);
        Assert.NotNull(first.Next);
        Assert.Equal("b0", Assert.Single(second.Entries).Subject);
        Assert.Null(second.Next);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReadAsync_LinesOfEveryArea_NewestFirst(string kind)
    {
        var sut = CreateSut(kind);
        await WriteAuditAsync(sut,
            new(_time.GetUtcNow(), "boss", AuditArea.Broadcast, "accepted", "b1", "api", ""),
            new(_time.GetUtcNow(), "王科长", AuditArea.Knowledge, "faq-updated", "contacts", "api", "version 2"),
            new(_time.GetUtcNow(), "boss", AuditArea.Console, "signed-in", null, "console", ""));

        var lines = await sut.ReadAsync(2, default);

        Assert.Equal([AuditArea.Console, AuditArea.Knowledge], lines.Select(line => line.Area));
        Assert.Equal(("王科长", "contacts"), (lines[1].Actor, lines[1].Subject));
    }

    /// <summary>The area an action of these tests belongs to.</summary>
    private static string Area(string action) => action.StartsWith("sign", StringComparison.Ordinal) ? AuditArea.Console : AuditArea.Broadcast;

    /// <summary>Writes the lines in order, oldest first (issued without waiting, as Redis keeps the order of one connection).</summary>
    private static Task WriteAuditAsync(IAuditTrail trail, params AuditEntry[] lines) =>
        Task.WhenAll(lines.Select(line => trail.AppendAsync(line, default)));

    private static IAuditTrail CreateSut(string kind) => kind == "redis"
        ? new RedisAuditTrail(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix(kind) })))
        : new MemoryAuditTrail();
}
