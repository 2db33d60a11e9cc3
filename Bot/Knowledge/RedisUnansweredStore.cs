using System.Globalization;
using ChatPost.Bot.Dialogs.Features.Unanswered;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// <see cref="IUnansweredStore"/> on Redis: per day, a hash of counts by anonymous question and a hash of what the bot last
/// chose for each, under one hash tag (one slot, one script), both expiring after the retention. A day keeps at most
/// <see cref="KnowledgeOptions.UnansweredPerDay"/> distinct questions, so a flood of made-up ones cannot grow it without end.
/// </summary>
public sealed class RedisUnansweredStore(RedisConnection redis, IOptions<KnowledgeOptions> options) : IUnansweredStore
{
    // KEYS: counts, last. ARGV: cap, ttl seconds, then (question, count, last json) triples.
    private const string AddScript = """
        local cap, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
        for i = 3, #ARGV, 3 do
          if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 or redis.call('HLEN', KEYS[1]) < cap then
            redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
            redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 2])
          end
        end
        redis.call('EXPIRE', KEYS[1], ttl)
        redis.call('EXPIRE', KEYS[2], ttl)
        return 0
        """;

    private IDatabase Db => redis.Database;

    /// <inheritdoc/>
    public async Task AddAsync(IReadOnlyList<(UnansweredQuestion Question, long Count)> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var ttl = (long)options.Value.UnansweredRetention.TotalSeconds;
        foreach (var day in counts.GroupBy(count => count.Question.Day))
        {
            RedisValue[] values =
            [
                options.Value.UnansweredPerDay, ttl,
                .. day.SelectMany(count => new RedisValue[] { count.Question.Question, count.Count, UnansweredJsonContext.Serialize(count.Question) }),
            ];
            await Db.ScriptEvaluateAsync(AddScript, [RedisKeys.UnansweredCounts(day.Key), RedisKeys.UnansweredLast(day.Key)], values);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<UnansweredCount>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var days = Enumerable.Range(0, Math.Max(0, last.DayNumber - first.DayNumber + 1)).Select(first.AddDays).ToList();
        var reads = days.Select(day => (Day: day, Counts: Db.HashGetAllAsync(RedisKeys.UnansweredCounts(day)), Last: Db.HashGetAllAsync(RedisKeys.UnansweredLast(day))))
            .ToList();
        var result = new List<UnansweredCount>();
        foreach (var (day, countsTask, lastTask) in reads)
        {
            var chosenBy = (await lastTask).ToDictionary(entry => (string)entry.Name!, entry => (string?)entry.Value, StringComparer.Ordinal);
            foreach (var entry in await countsTask)
            {
                var question = (string)entry.Name!;
                var chosen = chosenBy.TryGetValue(question, out var json) && json is not null ? UnansweredJsonContext.TryDeserialize(json) : null;
                result.Add(new UnansweredCount(day, question, long.Parse((string)entry.Value!, CultureInfo.InvariantCulture),
                    chosen ?? new UnansweredQuestion(question, day, UnansweredReason.NoMatch, null, 0)));
            }
        }

        return result;
    }
}
