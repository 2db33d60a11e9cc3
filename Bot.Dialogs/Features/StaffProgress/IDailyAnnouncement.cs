using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Features.StaffProgress;

/// <summary>The daily progress announcement (每日通报) and its charts, as staff may ask for them in chat; the host composes them.</summary>
public interface IDailyAnnouncement
{
    /// <summary>
    /// The bar charts (PNG) of <paramref name="day"/>'s deliveries per city, one per business line (only
    /// <paramref name="business"/>'s when given), drawn as the announcement draws them; empty when charts are off or
    /// the day is before the campaign.
    /// </summary>
    Task<IReadOnlyList<byte[]>> GetChartsAsync(DateOnly day, Business? business, CancellationToken cancellationToken);

    /// <summary>
    /// The announcement of the latest report day as a group of <paramref name="city"/> receives it (null: a
    /// province-wide group), in the group robot's markdown: font colours included, for the channel to render.
    /// </summary>
    Task<string> GetTextAsync(string? city, CancellationToken cancellationToken);
}
