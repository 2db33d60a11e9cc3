namespace ChatPost.Bot.Dialogs.Staff;

/// <summary>A staff work group as the conversation sees it: no webhook key (that stays with the host).</summary>
/// <param name="City">The city branch the group belongs to; null for a province-level group.</param>
/// <param name="ChatId">The group's WeCom chat id, where the 智能机器人 hears it; null when not configured.</param>
public sealed record StaffGroupInfo(string Id, string Name, string? City, string? ChatId = null);
