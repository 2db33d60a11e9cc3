using ChatPost.Bot.Dialogs.Staff;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Broadcasts;

/// <summary>The configured groups and managers, for the conversation (without webhook keys) and for delivery.</summary>
public sealed class StaffDirectory(IOptions<StaffOptions> options) : IStaffDirectory
{
    private readonly Dictionary<string, GroupOptions> _groups = options.Value.Groups.ToDictionary(group => group.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, Manager> _managers = options.Value.Managers
        .ToDictionary(manager => manager.UserId, manager => new Manager(manager.UserId, manager.Name, manager.Scope), StringComparer.Ordinal);

    private readonly Dictionary<string, StaffGroupInfo> _byChat = options.Value.Groups.Where(group => !string.IsNullOrEmpty(group.ChatId)).DistinctBy(group => group.ChatId)
        .ToDictionary(group => group.ChatId!, Info, StringComparer.Ordinal);

    /// <inheritdoc/>
    public IReadOnlyList<StaffGroupInfo> Groups { get; } = [.. options.Value.Groups.Select(Info)];

    /// <summary>Every configured manager, in configuration order.</summary>
    public IReadOnlyCollection<Manager> Managers => _managers.Values;

    /// <inheritdoc/>
    public Manager? FindManager(string userId) => _managers.GetValueOrDefault(userId);

    /// <inheritdoc/>
    public StaffGroupInfo? FindGroupByChat(string chatId) => _byChat.GetValueOrDefault(chatId);

    /// <summary>The group with its webhook key; null for an id that is no longer configured.</summary>
    public GroupOptions? FindGroup(string groupId) => _groups.GetValueOrDefault(groupId);

    /// <summary>The groups that receive <paramref name="announcement"/>.</summary>
    public IReadOnlyList<StaffGroupInfo> GroupsReceiving(string announcement) =>
        [.. Groups.Where(group => _groups[group.Id].Announcements.Contains(announcement))];

    private static StaffGroupInfo Info(GroupOptions group) => new(group.Id, group.Name, string.IsNullOrEmpty(group.City) ? null : group.City,
        string.IsNullOrEmpty(group.ChatId) ? null : group.ChatId);
}
