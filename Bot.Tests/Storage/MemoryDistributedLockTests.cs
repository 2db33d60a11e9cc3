using ChatPost.Bot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Storage;

public class MemoryDistributedLockTests
{
    [Fact]
    public async Task TryAcquireAsync_AfterTimeToLive_CanBeTakenOverAndOldLeaseDoesNotReleaseIt()
    {
        var time = new FakeTimeProvider();
        var sut = new MemoryDistributedLock(time);
        var old = await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(5), default);
        Assert.Null(await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(5), default));

        time.Advance(TimeSpan.FromSeconds(6));
        var current = await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(5), default);
        await old!.DisposeAsync();

        Assert.NotNull(current);
        Assert.Null(await sut.TryAcquireAsync("x", TimeSpan.FromSeconds(5), default));
    }
}
