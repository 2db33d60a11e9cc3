using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// One chart of an announcement: a PNG of <see cref="ProgressChartRenderer.Width"/> × <see cref="ProgressChartRenderer.Height"/>
/// pixels, well under the group robot's 2 MB image limit. Read-only because one rendering is shared by every group.
/// </summary>
public sealed record ChartImage(Business Business, ReadOnlyMemory<byte> Png);
