using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatPost.Bot.Announcements;

/// <summary>The announcement part of the admin API.</summary>
public static class AnnouncementEndpoints
{
    /// <summary>
    /// <c>POST /announcements/daily-progress/run</c> on the admin group: sends the announcement that goes out today
    /// now (202 with its broadcasts); a second run the same day sends nothing again unless <c>?force=true</c>.
    /// </summary>
    public static RouteGroupBuilder MapAnnouncementEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/announcements/daily-progress/run", RunAsync);
        return api;
    }

    private static async Task<Accepted<AnnouncementRun>> RunAsync(DailyProgressAnnouncement announcement, DailyProgressSender sender,
        TimeProvider time, CancellationToken cancellationToken, bool force = false)
    {
        var run = await sender.SendAsync(announcement.ReportDayAt(time.GetUtcNow()), force, cancellationToken);
        return TypedResults.Accepted(run.Broadcasts.Count > 0 ? $"/api/broadcasts/{run.Broadcasts[0]}" : (string?)null, run);
    }
}
