using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    [Fact]
    public async Task RunAsync_StoppedMidItem_GivesItBackSoTheNextReplicaRunsItBeforeWhatWasQueuedAfter()
    {
        var redis = new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() }));
        var backlog = new RedisWorkBacklog(redis, "work");
        // A retry time far longer than the test: only a given-back item can be taken over within it.
        var settings = new BacklogPumpSettings(4, TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(20));
        await backlog.AddAsync("first", default);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var stop = new CancellationTokenSource())
        {
            // The stopping replica is mid-send when it is told to stop: the send is cut short, never acknowledged.
            var stopping = new BacklogPump(backlog, TimeProvider.System, NullLogger.Instance).RunAsync(settings, _ => "user", async (_, cancellationToken) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }, null, stop.Token);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await backlog.AddAsync("second", default);
            await stop.CancelAsync();
            await stopping;
        }

        var done = new List<string>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopNext = new CancellationTokenSource();
        var next = new BacklogPump(backlog, TimeProvider.System, NullLogger.Instance).RunAsync(settings, _ => "user", async (item, cancellationToken) =>
        {
            lock (done)
            {
                done.Add(item.Payload);
            }

            await backlog.AcknowledgeAsync(item, cancellationToken);
            if (done.Count == 2)
            {
                both.TrySetResult();
            }
        }, null, stopNext.Token);
        await both.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stopNext.CancelAsync();
        await next;

        Assert.Equal(["first", "second"], done);
    }
}
