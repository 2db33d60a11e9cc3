using ChatPost.Bot.Dialogs.Features.StaffProgress;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// The daily announcement and its charts for staff asking in chat, composed by <see cref="DailyProgressAnnouncement"/>
/// itself (so they are the very text and charts the groups receive, computed once per day for everyone).
/// </summary>
public sealed class StaffAnnouncementView(DailyProgressAnnouncement announcement, IOptions<DailyProgressOptions> options, TimeProvider time)
    : IDailyAnnouncement
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<byte[]>> GetChartsAsync(DateOnly day, Business? business, CancellationToken cancellationToken)
    {
        if (!options.Value.Charts || day < options.Value.CampaignStart)
        {
            return [];
        }

        var composed = await announcement.ComposeAsync(day, null, cancellationToken);
        return [.. composed.Charts.Where(chart => business is null || chart.Business == business).Select(chart => chart.Png.ToArray())];
    }

    /// <inheritdoc/>
    public async Task<string> GetTextAsync(string? city, CancellationToken cancellationToken) =>
        (await announcement.ComposeAsync(announcement.ReportDayAt(time.GetUtcNow()), city, cancellationToken)).Markdown;
}
