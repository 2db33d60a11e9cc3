using System.ComponentModel;
using ChatPost.Bot.ApiDocs;
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
        api.MapPost("/announcements/daily-progress/run", RunAsync)
            .WithTags("Announcements 每日通报")
            .WithSummary("Send today's daily progress announcement now 立即发送今日的每日通报")
            .WithDescription("""
                Composes the daily progress announcement (每日通报) that goes out today, reporting on the report day, and hands
                it to delivery: one broadcast per city, to every group that receives `daily-progress`. A second run the same
                day sends nothing again (`alreadySent`) unless `force=true`. Follow each broadcast with its report.
                编制今天应发的每日通报（报告日的数据）并交付投递：每个城市一条通报，发往所有订阅 `daily-progress` 的工作群。
                同一天再次运行不会重复发送（`alreadySent`），除非 `force=true`。可用各通报编号查看送达报告。
                """)
            .Returns<AnnouncementRun>(StatusCodes.Status202Accepted,
                "Handed to delivery (or already sent today): the report day and the broadcasts. 已交付投递（或今天已发送）：报告日和各通报编号。")
            .WithExamples(
                new ApiExample("runNow", StatusCodes.Status202Accepted, "Send today's announcement, once. 发送今天的通报（仅一次）。"),
                new ApiExample("resend", StatusCodes.Status202Accepted, "Send it again although it went out. 已发送仍再发一次。",
                    Parameters: new Dictionary<string, string> { ["force"] = "true" }));
        return api;
    }

    private static async Task<Accepted<AnnouncementRun>> RunAsync(DailyProgressAnnouncement announcement, DailyProgressSender sender,
        TimeProvider time, CancellationToken cancellationToken,
        [Description("Send again even if today's announcement went out. 即使今天已发送也再发一次。")] bool force = false)
    {
        var run = await sender.SendAsync(announcement.ReportDayAt(time.GetUtcNow()), force, cancellationToken);
        return TypedResults.Accepted(run.Broadcasts.Count > 0 ? $"/api/broadcasts/{run.Broadcasts[0]}" : (string?)null, run);
    }
}
