using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Announcements;

/// <summary>The figures of one business line (in a city, or summed over the province).</summary>
public sealed record BusinessProgress(Business Business, ProgressLine Line);
