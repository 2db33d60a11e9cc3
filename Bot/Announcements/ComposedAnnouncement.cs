namespace ChatPost.Bot.Announcements;

/// <summary>
/// A daily progress announcement ready to send to one group: the markdown (at most 4096 UTF-8 bytes, one robot
/// message) and the charts (one image message each; none when charts are off).
/// </summary>
/// <param name="Detail">How much of the ranking had to be dropped to fit; <see cref="DailyProgressDetail.Full"/> normally.</param>
public sealed record ComposedAnnouncement(DateOnly ReportDay, string Markdown, DailyProgressDetail Detail, IReadOnlyList<ChartImage> Charts);
