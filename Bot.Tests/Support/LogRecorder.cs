using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// Keeps every log event that passes the service's own log-level filters, as the text an operator would see: the
/// message, each structured value and the exception. Register it with <c>services.AddSingleton&lt;ILoggerProvider&gt;</c>.
/// </summary>
public sealed class LogRecorder : ILoggerProvider, ILogger
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        var text = $"{eventId.Id} {formatter(state, exception)} | {string.Join(" | ", values.Select(value => $"{value.Key}={value.Value}"))} | {exception}";
        lock (_events)
        {
            _events.Add(text);
        }
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    /// <summary>Scopes are printed with every event inside them (IncludeScopes), so they are kept as events too.</summary>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        lock (_events)
        {
            _events.Add($"scope {state} | {string.Join(" | ", values.Select(value => $"{value.Key}={value.Value}"))}");
        }

        return null;
    }

    public void Dispose()
    {
    }
}
