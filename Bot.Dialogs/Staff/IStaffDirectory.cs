namespace ChatPost.Bot.Dialogs.Staff;

/// <summary>Who may broadcast and which groups exist (config <c>Managers</c> and <c>Groups</c>).</summary>
public interface IStaffDirectory
{
    /// <summary>The manager with this WeCom UserID; null for anyone else.</summary>
    Manager? FindManager(string userId);

    /// <summary>Every staff group, in configuration order.</summary>
    IReadOnlyList<StaffGroupInfo> Groups { get; }
}
