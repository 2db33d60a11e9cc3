using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Features.StaffProgress;

/// <summary>The progress figures of one day, from the ingestion counters (the host knows the campaign's start).</summary>
public interface IProgressFigures
{
    /// <summary>Every city × business line with anything on <paramref name="day"/> or before it in the campaign.</summary>
    Task<ProgressSnapshot> GetAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>Figures of <paramref name="Day"/>; cumulative ones count from <paramref name="CampaignStart"/> through it.</summary>
public sealed record ProgressSnapshot(DateOnly Day, DateOnly CampaignStart, IReadOnlyList<ProgressLine> Lines);

/// <summary>One city's figures for one business line.</summary>
public sealed record ProgressLine(string City, Business Business, long AcceptedOnDay, long DeliveredOnDay, long DeliveredDayBefore,
    long AcceptedCumulative, long DeliveredCumulative);
