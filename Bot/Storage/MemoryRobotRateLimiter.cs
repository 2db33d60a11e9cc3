namespace ChatPost.Bot.Storage;

/// <summary>The embedded twin of <see cref="RedisRobotRateLimiter"/>: one process, same semantics.</summary>
public sealed class MemoryRobotRateLimiter(TimeProvider time) : IRobotRateLimiter
{
    private readonly Dictionary<string, List<long>> _sends = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <inheritdoc/>
    public Task<RobotRateDecision> TryAcquireAsync(string webhookKeyHash, int messagesPerMinute, CancellationToken cancellationToken)
    {
        RobotRateLimits.ThrowIfNotKeyHash(webhookKeyHash, messagesPerMinute);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            var sends = Trim(webhookKeyHash, now);
            if (sends.Count < messagesPerMinute)
            {
                Insert(sends, now);
                return Task.FromResult(RobotRateDecision.Admitted);
            }

            var wait = Math.Clamp(sends[sends.Count - messagesPerMinute] + RobotRateLimits.WindowMilliseconds - now, 1, RobotRateLimits.WindowMilliseconds);
            return Task.FromResult(RobotRateDecision.Refused(TimeSpan.FromMilliseconds(wait)));
        }
    }

    /// <inheritdoc/>
    public Task MarkSaturatedAsync(string webhookKeyHash, int messagesPerMinute, CancellationToken cancellationToken)
    {
        RobotRateLimits.ThrowIfNotKeyHash(webhookKeyHash, messagesPerMinute);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            var sends = Trim(webhookKeyHash, now);
            for (var i = 0; i < messagesPerMinute; i++)
            {
                Insert(sends, now);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The robot's sends still in the window, oldest first; idle robots are forgotten.</summary>
    private List<long> Trim(string webhookKeyHash, long now)
    {
        var oldestKept = now - RobotRateLimits.WindowMilliseconds;
        foreach (var idle in _sends.Where(pair => pair.Value.Count == 0 || pair.Value[^1] <= oldestKept).Select(pair => pair.Key).ToList())
        {
            _sends.Remove(idle);
        }

        if (!_sends.TryGetValue(webhookKeyHash, out var sends))
        {
            sends = [];
            _sends[webhookKeyHash] = sends;
        }

        sends.RemoveAll(sent => sent <= oldestKept);
        return sends;
    }

    /// <summary>Keeps the list sorted even if the clock steps back.</summary>
    private static void Insert(List<long> sends, long sent)
    {
        var index = sends.BinarySearch(sent);
        sends.Insert(index < 0 ? ~index : index + 1, sent);
    }
}
