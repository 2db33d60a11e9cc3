namespace ChatPost.Bot.Dialogs.Features.StaffProgress;

/// <summary>Recognises a request for the daily announcement itself: "每日通报", "今日通报", or a bare "通报".</summary>
public static class AnnouncementRequest
{
    /// <summary>True for <paramref name="normalized"/> text (Simplified, trimmed) that asks for the announcement, not one that sends it ("通报 内容").</summary>
    public static bool Matches(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var core = normalized.Trim().TrimEnd('。', '?', '？', '!', '！');
        return core is "通报" or "每日通报" or "今日通报" or "查看通报" or "看看通报" or "昨日通报";
    }
}
