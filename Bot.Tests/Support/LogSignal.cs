using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A logger provider that lets a test wait for log events by id (a job ran, a delivery finished) instead of
/// polling. Register it with <c>services.AddSingleton&lt;ILoggerProvider&gt;(signal)</c>.
/// </summary>
public sealed class LogSignal(params int[] eventIds) : ILoggerProvider, ILogger
{
    private readonly Dictionary<int, SemaphoreSlim> _events = eventIds.ToDictionary(id => id, _ => new SemaphoreSlim(0));
    private readonly List<(int EventId, IReadOnlyList<KeyValuePair<string, object?>> Values)> _seen = [];

    /// <summary>Waits until <paramref name="count"/> more events with <paramref name="eventId"/> were logged (fails after 15 s).</summary>
    public async Task WaitForAsync(int eventId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _events[eventId].WaitAsync(TimeSpan.FromSeconds(15)), $"only {i} of {count} log events {eventId}");
        }
    }

    /// <summary>The values of every event logged so far with <paramref name="eventId"/>.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> Seen(int eventId)
    {
        lock (_seen)
        {
            return [.. _seen.Where(seen => seen.EventId == eventId).Select(seen => seen.Values)];
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_events.TryGetValue(eventId.Id, out var signal))
        {
            return;
        }

        lock (_seen)
        {
            _seen.Add((eventId.Id, state is IEnumerable<KeyValuePair<string, object?>> values ? [.. values] : []));
        }

        signal.Release();
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public void Dispose()
    {
        foreach (var signal in _events.Values)
        {
            signal.Dispose();
        }
    }
}
