namespace ChatPost.Bot.Announcements;

/// <summary>
/// A city's place by deliveries on the report day, 1 = most. Ties share a rank and the next rank skips
/// (1, 2, 2, 4); tied cities keep the province's customary order.
/// </summary>
public sealed record CityRank(int Rank, CityProgress City);
