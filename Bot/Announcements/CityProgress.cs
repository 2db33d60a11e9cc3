namespace ChatPost.Bot.Announcements;

/// <summary>One city's figures: one line per business, in <c>Business</c> order, and their sum.</summary>
public sealed record CityProgress(string City, IReadOnlyList<BusinessProgress> Lines, ProgressLine Total);
