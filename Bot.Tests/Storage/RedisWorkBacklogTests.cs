using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Storage;

public class RedisWorkBacklogTests
{
    [Fact]
    public async Task TakeAsync_AfterTheStreamAndItsGroupWereLost_MakesTheGroupAgainAndGoesOn()
    {
        var redis = new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() }));
        var sut = new RedisWorkBacklog(redis, "work");
        await sut.AddAsync("before", default);
        var before = await sut.TakeAsync("c1", 10, default);

        await redis.Database.KeyDeleteAsync("work"); // as a Redis without persistence that restarted
        await sut.AddAsync("after", default);
        var after = await sut.TakeAsync("c1", 10, default);
        var reclaimed = await sut.ReclaimAsync("c2", TimeSpan.Zero, 10, default);

        Assert.Equal(["before"], before.Select(item => item.Payload));
        Assert.Equal(["after"], after.Select(item => item.Payload));
        Assert.Equal(["after"], reclaimed.Select(item => item.Payload));
    }
}
