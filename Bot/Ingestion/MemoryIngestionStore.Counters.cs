using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

public sealed partial class MemoryIngestionStore
{
    private readonly Dictionary<DateOnly, CounterDay> _days = [];

    /// <inheritdoc/>
    public Task<IReadOnlyList<ProgressCount>> GetAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<ProgressKey, long>();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                if (_days.TryGetValue(day, out var counters) && counters.ExpiresAt > now)
                {
                    foreach (var (key, count) in counters.Counts)
                    {
                        sums[key] = sums.GetValueOrDefault(key) + count;
                    }
                }
            }
        }

        return Task.FromResult(ProgressFields.Sort(sums.Select(sum => new ProgressCount(sum.Key.City, sum.Key.Business, sum.Key.Status, sum.Value))));
    }

    private void Increment(DateOnly day, ProgressKey key, DateTimeOffset now)
    {
        if (!_days.TryGetValue(day, out var counters) || counters.ExpiresAt <= now)
        {
            _days[day] = counters = new CounterDay();
        }

        counters.Counts[key] = counters.Counts.GetValueOrDefault(key) + 1;
        counters.ExpiresAt = now + _settings.CounterTimeToLive;
    }

    private void Decrement(DateOnly day, ProgressKey key, DateTimeOffset now)
    {
        if (_days.TryGetValue(day, out var counters) && counters.ExpiresAt > now && counters.Counts.TryGetValue(key, out var count))
        {
            if (count > 1)
            {
                counters.Counts[key] = count - 1;
            }
            else
            {
                counters.Counts.Remove(key);
            }
        }
    }

    private sealed class CounterDay
    {
        public Dictionary<ProgressKey, long> Counts { get; } = [];

        public DateTimeOffset ExpiresAt { get; set; }
    }

    private readonly record struct ProgressKey(string City, Business Business, ShipmentStatus Status);
}
