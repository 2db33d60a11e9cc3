using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Tests.Support;

/// <summary>Wraps a real reply cache and lets a test wait until a number of copies have claimed their message.</summary>
public sealed class ClaimCountingReplyCache(IReplyCache inner, ClaimCounter counter) : IReplyCache
{
    public async Task<ReplyClaim> ClaimAsync(string channelId, string dedupeKey, CancellationToken cancellationToken)
    {
        var claim = await inner.ClaimAsync(channelId, dedupeKey, cancellationToken);
        counter.Add();
        return claim;
    }

    public Task CompleteAsync(string channelId, string dedupeKey, string reply, CancellationToken cancellationToken) =>
        inner.CompleteAsync(channelId, dedupeKey, reply, cancellationToken);

    public Task<string?> GetReplyAsync(string channelId, string dedupeKey, CancellationToken cancellationToken) =>
        inner.GetReplyAsync(channelId, dedupeKey, cancellationToken);
}

/// <summary>Counts claims across replicas; <see cref="WaitForAsync"/> completes once enough were made.</summary>
public sealed class ClaimCounter : IDisposable
{
    private readonly SemaphoreSlim _claims = new(0);

    public void Add() => _claims.Release();

    public void Dispose() => _claims.Dispose();

    public async Task WaitForAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _claims.WaitAsync(TimeSpan.FromSeconds(10)), $"only {i} of {count} copies claimed in time");
        }
    }
}
