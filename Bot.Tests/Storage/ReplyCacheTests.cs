using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Storage;

public class ReplyCacheTests
{
    public static TheoryData<string> Implementations => ["redis", "memory"];

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task ClaimAsync_ConcurrentCopies_OneIsFirstOthersSeePendingThenReply(string implementation)
    {
        var sut = CreateSut(implementation);

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sut.ClaimAsync("mp", "123", default)));
        var whilePending = await sut.GetReplyAsync("mp", "123", default);
        await sut.CompleteAsync("mp", "123", "<xml>reply</xml>", default);
        var later = await sut.ClaimAsync("mp", "123", default);

        Assert.Single(claims, claim => claim.IsFirst);
        Assert.All(claims.Where(claim => !claim.IsFirst), claim => Assert.Null(claim.Reply));
        Assert.Null(whilePending);
        Assert.Equal(new ReplyClaim(false, "<xml>reply</xml>"), later);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task CompleteAsync_EmptyReply_IsAReplyNotPending(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.ClaimAsync("wecom", "9", default);

        await sut.CompleteAsync("wecom", "9", "", default);

        Assert.Equal("", await sut.GetReplyAsync("wecom", "9", default));
    }

    private static IReplyCache CreateSut(string implementation) => implementation == "redis"
        ? new RedisReplyCache(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() })))
        : new MemoryReplyCache();
}
