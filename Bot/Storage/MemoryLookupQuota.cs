using System.Collections.Concurrent;
using ChatPost.Bot.Dialogs.Privacy;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Storage;

/// <summary>The embedded twin of <see cref="RedisLookupQuota"/>.</summary>
public sealed class MemoryLookupQuota(IOptions<LookupQuotaOptions> options, TimeProvider time) : ILookupQuota
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _sweptMinute;

    /// <inheritdoc/>
    public Task<bool> TryTakeAsync(string userId, CancellationToken cancellationToken)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = _windows.AddOrUpdate(userId, static (_, minute) => new Window(minute, 1),
            static (_, current, minute) => current.Minute == minute ? current with { Used = current.Used + 1 } : new Window(minute, 1), minute);
        // Once a minute, not per lookup: ConcurrentDictionary.Count takes every lock of the dictionary.
        var swept = Interlocked.Read(ref _sweptMinute);
        if (swept < minute && Interlocked.CompareExchange(ref _sweptMinute, minute, swept) == swept && _windows.Count > 100_000)
        {
            foreach (var stale in _windows.Where(pair => pair.Value.Minute < minute).Select(pair => pair.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        return Task.FromResult(window.Used <= options.Value.PerMinute);
    }

    private sealed record Window(long Minute, int Used);
}
