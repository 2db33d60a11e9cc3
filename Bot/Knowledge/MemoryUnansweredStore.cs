using ChatPost.Bot.Dialogs.Features.Unanswered;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Knowledge;

/// <summary>The embedded twin of <see cref="RedisUnansweredStore"/>: the same counts, cap and retention in one process, lost on restart.</summary>
public sealed class MemoryUnansweredStore(IOptions<KnowledgeOptions> options, TimeProvider time) : IUnansweredStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateOnly, Dictionary<string, (long Count, UnansweredQuestion Last)>> _days = [];

    /// <inheritdoc/>
    public Task AddAsync(IReadOnlyList<(UnansweredQuestion Question, long Count)> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var oldest = ChinaTime.Day(time.GetUtcNow()).AddDays(-(int)options.Value.UnansweredRetention.TotalDays);
        lock (_gate)
        {
            foreach (var expired in _days.Keys.Where(day => day < oldest).ToList())
            {
                _days.Remove(expired);
            }

            foreach (var (question, count) in counts)
            {
                if (!_days.TryGetValue(question.Day, out var day))
                {
                    _days[question.Day] = day = new Dictionary<string, (long, UnansweredQuestion)>(StringComparer.Ordinal);
                }

                if (day.TryGetValue(question.Question, out var before) || day.Count < options.Value.UnansweredPerDay)
                {
                    day[question.Question] = (before.Count + count, question);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<UnansweredCount>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<UnansweredCount>>([.. _days.Where(day => day.Key >= first && day.Key <= last)
                .SelectMany(day => day.Value.Select(entry => new UnansweredCount(day.Key, entry.Key, entry.Value.Count, entry.Value.Last)))]);
        }
    }
}
