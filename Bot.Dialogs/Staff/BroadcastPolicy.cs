using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Staff;

/// <summary>
/// Who may broadcast to whom, the same on every path (chat, API, scheduled): only managers; a city manager only
/// to their city's groups; a province manager (or the admin-key operator) anywhere.
/// </summary>
public static class BroadcastPolicy
{
    /// <summary>
    /// The groups a request reaches, or why it is refused. A request without <see cref="BroadcastRequest.RequestedBy"/>
    /// is the admin-key operator's, allowed (as province scope) only with <paramref name="operatorAllowed"/>.
    /// </summary>
    public static (IReadOnlyList<StaffGroupInfo> Groups, string? Refusal) Resolve(BroadcastRequest request, IStaffDirectory directory,
        bool operatorAllowed = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(directory);
        var manager = request.RequestedBy is { } id ? directory.FindManager(id) : null;
        if (manager is null && !(operatorAllowed && request.RequestedBy is null))
        {
            return ([], "只有通报管理员可以发布通报。");
        }

        if (request.Cities.FirstOrDefault(city => !Cities.IsCity(city)) is { } unknownCity)
        {
            return ([], $"没有“{unknownCity}”这个市州。");
        }

        var groups = directory.Groups;
        if (request.GroupIds.FirstOrDefault(id => groups.All(group => group.Id != id)) is { } unknownGroup)
        {
            return ([], $"没有编号为“{unknownGroup}”的工作群。");
        }

        var scope = manager is null || manager.IsProvince ? null : manager.Scope;
        if (scope is not null && request.Cities.Any(city => city != scope))
        {
            return ([], $"您只能向{scope}的工作群发布通报。");
        }

        var targets = groups.Where(group =>
            (request.Cities.Count == 0 && request.GroupIds.Count == 0)
            || request.Cities.Contains(group.City ?? "")
            || request.GroupIds.Contains(group.Id)).ToList();
        if (scope is not null && targets.Any(group => group.City != scope))
        {
            if (request.Cities.Count > 0 || request.GroupIds.Count > 0)
            {
                return ([], $"您只能向{scope}的工作群发布通报。");
            }

            targets = [.. targets.Where(group => group.City == scope)];
        }

        return targets.Count == 0 ? ([], "没有符合条件的工作群。") : (targets, null);
    }

    /// <summary>
    /// Whether <paramref name="requestedBy"/> may see and cancel a broadcast to <paramref name="groupIds"/>: the
    /// operator (null) and province managers any; a city manager only one whose every group is of their city; anyone
    /// else none. A group no longer configured counts as outside every city.
    /// </summary>
    public static bool Covers(string? requestedBy, IReadOnlyList<string> groupIds, IStaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        ArgumentNullException.ThrowIfNull(directory);
        if (requestedBy is null)
        {
            return true;
        }

        var manager = directory.FindManager(requestedBy);
        return manager is not null && (manager.IsProvince
            || groupIds.All(id => directory.Groups.FirstOrDefault(group => group.Id == id)?.City == manager.Scope));
    }
}
