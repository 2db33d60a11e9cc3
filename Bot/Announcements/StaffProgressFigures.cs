using ChatPost.Bot.Dialogs.Features.StaffProgress;
using StaffLine = ChatPost.Bot.Dialogs.Features.StaffProgress.ProgressLine;

namespace ChatPost.Bot.Announcements;

/// <summary>The staff chat's progress figures ("进度 襄阳"), read the same way as the announcement's.</summary>
public sealed class StaffProgressFigures(DailyProgressFiguresReader reader) : IProgressFigures
{
    /// <inheritdoc/>
    public async Task<ProgressSnapshot> GetAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var figures = await reader.ReadAsync(day, cancellationToken);
        var lines = figures.Cities.SelectMany(city => city.Lines.Select(line => new StaffLine(city.City, line.Business,
            line.Line.Accepted, line.Line.Delivered, line.Line.PreviousDelivered, line.Line.CumulativeAccepted, line.Line.CumulativeDelivered)));
        return new ProgressSnapshot(figures.ReportDay, figures.CampaignStart, [.. lines]);
    }
}
