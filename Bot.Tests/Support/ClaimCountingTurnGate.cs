using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Tests.Support;

/// <summary>Wraps a real turn gate and lets a test wait until a number of copies have claimed their message.</summary>
public sealed class ClaimCountingTurnGate(ITurnGate inner, ClaimCounter counter) : ITurnGate
{
    public async Task<TurnEntry> EnterAsync(TurnKeys turn, IReadOnlyList<string> trackingNumbers, bool inOneStep, CancellationToken cancellationToken)
    {
        var entry = await inner.EnterAsync(turn, trackingNumbers, inOneStep, cancellationToken);
        counter.Add();
        return entry;
    }

    public Task LeaveAsync(TurnKeys turn, string reply, LockLease? lease, CancellationToken cancellationToken) =>
        inner.LeaveAsync(turn, reply, lease, cancellationToken);

    public Task<string?> GetReplyAsync(TurnKeys turn, CancellationToken cancellationToken) => inner.GetReplyAsync(turn, cancellationToken);
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
