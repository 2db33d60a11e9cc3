namespace ChatPost.Bot.Announcements;

/// <summary>Which day a daily progress announcement reports, relative to the day (in China) it is sent.</summary>
public enum DailyProgressReportDay
{
    /// <summary>The previous full day: what a morning announcement reports.</summary>
    Yesterday,

    /// <summary>The day it is sent, so far.</summary>
    Today,
}
