namespace ChatPost.Bot.Dialogs.Staff;

/// <summary>Who may broadcast and which groups exist (config <c>Managers</c> and <c>Groups</c>).</summary>
public interface IStaffDirectory
{
    /// <summary>The manager with this WeCom UserID; null for anyone else.</summary>
    Manager? FindManager(string userId);

    /// <summary>Every staff group, in configuration order.</summary>
    IReadOnlyList<StaffGroupInfo> Groups { get; }

    /// <summary>The group whose WeCom chat id is <paramref name="chatId"/> (<c>Groups[].ChatId</c>); null for a chat not configured.</summary>
    StaffGroupInfo? FindGroupByChat(string chatId) => Groups.FirstOrDefault(group => group.ChatId == chatId);
}
