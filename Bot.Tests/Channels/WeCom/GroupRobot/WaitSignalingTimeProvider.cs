using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Channels.WeCom.GroupRobot;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when the code under test starts to wait on it (every
/// <c>Task.Delay(…, time)</c> creates a timer), so the test moves time by exactly that wait instead of sleeping
/// or polling.
/// </summary>
public sealed class WaitSignalingTimeProvider() : FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T08:00:00+08:00", CultureInfo.InvariantCulture))
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Every wait that was advanced through, in order.</summary>
    public List<TimeSpan> Waited { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SignalingTimer(base.CreateTimer(callback, state, dueTime, period), _waits.Writer);
        timer.Signal(dueTime);
        return timer;
    }

    /// <summary>Waits (at most 10 s of real time) until the code under test starts waiting, and returns for how long.</summary>
    public async Task<TimeSpan> NextWaitAsync() => await _waits.Reader.ReadAsync().AsTask().WaitAsync(Guard);

    /// <summary>Advances time through each wait that <paramref name="task"/> starts, until it completes.</summary>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, _waits.Reader.WaitToReadAsync().AsTask()).WaitAsync(Guard);
            if (_waits.Reader.TryRead(out var wait))
            {
                Waited.Add(wait);
                Advance(wait);
            }
        }

        return await task;
    }

    /// <summary>A timer that is armed later (<c>CancellationTokenSource.CancelAfter</c> does that) signals then.</summary>
    private sealed class SignalingTimer(ITimer timer, ChannelWriter<TimeSpan> waits) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = timer.Change(dueTime, period);
            Signal(dueTime);
            return changed;
        }

        public void Signal(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                waits.TryWrite(dueTime);
            }
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
