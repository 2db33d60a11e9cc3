using System.Collections.Concurrent;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Turns still running, including those that missed their deadline and carry on after the HTTP response:
/// shutdown waits for them so their replies are not lost.
/// </summary>
public sealed class InFlightTurns : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _turns = new();

    public int Count => _turns.Count;

    public void Track(Task turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (_turns.TryAdd(turn, 0))
        {
            _ = turn.ContinueWith(static (done, state) => ((InFlightTurns)state!)._turns.TryRemove(done, out _), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for running turns until <paramref name="cancellationToken"/> (the host's shutdown timeout) fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_turns.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // A failed turn was already logged by the adapter; shutdown goes on.
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }
}
