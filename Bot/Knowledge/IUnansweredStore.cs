using ChatPost.Bot.Dialogs.Features.Unanswered;

namespace ChatPost.Bot.Knowledge;

/// <summary>One anonymous question's count on one day, with what the bot last chose for it.</summary>
/// <param name="Day">The day (China time).</param>
/// <param name="Question">The anonymous question.</param>
/// <param name="Count">How often it was asked that day.</param>
/// <param name="Last">The last time it was noted: why, and the entry chosen and its score.</param>
public sealed record UnansweredCount(DateOnly Day, string Question, long Count, UnansweredQuestion Last);

/// <summary>
/// Where the questions the bot could not answer well are counted, per day and anonymous question; a day's counts expire
/// after <see cref="KnowledgeOptions.UnansweredRetention"/>. Redis when configured, else in memory.
/// </summary>
public interface IUnansweredStore
{
    /// <summary>Adds <paramref name="counts"/> (each question of one day with how often it was asked since the last write).</summary>
    Task AddAsync(IReadOnlyList<(UnansweredQuestion Question, long Count)> counts, CancellationToken cancellationToken);

    /// <summary>The counts of the days <paramref name="first"/> to <paramref name="last"/> (inclusive) that are still kept.</summary>
    Task<IReadOnlyList<UnansweredCount>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}
