using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Storage;

public class RedisDistributedLockTests
{
    [Fact]
    public async Task TryAcquireAsync_WhileHeld_ReturnsNullUntilReleased()
    {
        var sut = CreateSut();
        var held = await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(30), default);

        var refused = await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(30), default);
        await held!.DisposeAsync();
        var taken = await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(30), default);

        Assert.Null(refused);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task DisposeAsync_LeaseTakenOverAfterExpiry_LeavesNewHolderAlone()
    {
        var prefix = TestRedis.Prefix();
        var sut = CreateSut(prefix);
        var expired = await sut.TryAcquireAsync("x", TimeSpan.FromMilliseconds(1), default);
        await TestRedis.Connection.GetDatabase().KeyDeleteAsync(prefix + "lock:x"); // as if the 1 ms had passed
        var current = await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(30), default);

        await expired!.DisposeAsync();

        Assert.NotNull(current);
        Assert.Null(await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(30), default));
    }

    [Fact]
    public async Task TryAcquireAsync_ManyConcurrentCallers_ExactlyOneWins()
    {
        var sut = CreateSut();

        var leases = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => sut.TryAcquireAsync("race", TimeSpan.FromSeconds(30), default)));

        Assert.Single(leases, lease => lease is not null);
    }

    private static RedisDistributedLock CreateSut(string? prefix = null) =>
        new(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = prefix ?? TestRedis.Prefix() })));
}
