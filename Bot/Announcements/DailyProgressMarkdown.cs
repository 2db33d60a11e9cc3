namespace ChatPost.Bot.Announcements;

/// <summary>A composed announcement text (WeCom group-robot markdown) and how much detail had to go to fit.</summary>
public sealed record DailyProgressMarkdown(string Content, DailyProgressDetail Detail);
