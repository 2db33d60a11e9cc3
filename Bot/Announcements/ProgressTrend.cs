using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Accepted and delivered shipments per day and business line, province-wide, from the same counters as the daily
/// announcement: for the campaign's trend chart.
/// </summary>
/// <param name="Days">Every day from the first to the last, in order, even when nothing was counted.</param>
public sealed record ProgressTrend(IReadOnlyList<TrendDay> Days);

/// <summary>One day of a <see cref="ProgressTrend"/>: per business line (in <see cref="Business"/> order) the accepted and delivered counts.</summary>
public sealed record TrendDay(DateOnly Day, IReadOnlyList<long> Accepted, IReadOnlyList<long> Delivered);
