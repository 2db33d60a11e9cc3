using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Features.Handoff;

/// <summary>
/// When the service desk has people at it (every day 8:00–20:00 China time, as the replies say): outside those hours a
/// transfer would leave the citizen waiting in silence, so the bot gives the hotline instead.
/// </summary>
public static class AgentHours
{
    private static readonly TimeOnly Opens = new(8, 0);
    private static readonly TimeOnly Closes = new(20, 0);

    /// <summary>True when agents are at the desk at <paramref name="now"/>.</summary>
    public static bool AreOpen(DateTimeOffset now)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ChinaTime.Zone).DateTime);
        return local >= Opens && local < Closes;
    }
}
