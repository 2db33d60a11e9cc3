using ChatPost.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatPost.Bot.Tests.Storage;

public class BacklogPumpTests
{
    [Fact]
    public async Task RunAsync_Busy_TakesNoMoreThanItCanRunAndLeavesTheRestToOtherReplicas()
    {
        var backlog = new MemoryWorkBacklog(TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            await backlog.AddAsync($"item-{i}", default);
        }

        var running = 0;
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pump = new BacklogPump(backlog, TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = pump.RunAsync(new BacklogPumpSettings(2, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(20)),
            item => item.Payload, async (item, cancellationToken) =>
            {
                if (Interlocked.Increment(ref running) == 2)
                {
                    twoRunning.TrySetResult();
                }

                await release.Task.WaitAsync(cancellationToken);
                await backlog.AcknowledgeAsync(item, cancellationToken);
            }, null, stop.Token);

        await twoRunning.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200); // several polls while both slots are busy
        var leftForOthers = await backlog.TakeAsync("another-replica", 10, default);
        var startedWhileBusy = Volatile.Read(ref running);
        release.SetResult();
        await stop.CancelAsync();
        await run;

        Assert.Equal(3, leftForOthers.Count);
        Assert.Equal(2, startedWhileBusy);
    }
}
