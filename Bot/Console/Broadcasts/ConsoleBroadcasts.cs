using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Staff;

namespace ChatPost.Bot.Console.Broadcasts;

/// <summary>
/// What the broadcast pages do, for the person signed in: the same <see cref="BroadcastService"/>,
/// <see cref="BroadcastPolicy"/> and reports as chat and the API. Every action checks the policy again here, on the
/// server, whatever the page offered.
/// </summary>
public sealed class ConsoleBroadcasts(BroadcastService broadcasts, IBroadcastStore store, StaffDirectory directory)
{
    /// <summary>How many of the newest broadcasts the list looks at.</summary>
    public const int ListLength = 50;

    /// <summary>The cities and groups <paramref name="user"/> may send to, as the compose form offers them.</summary>
    public (IReadOnlyList<string> Cities, IReadOnlyList<StaffGroupInfo> Groups) Targets(ConsoleUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.MayBroadcast)
        {
            return ([], []);
        }

        var groups = directory.Groups.Where(group => user.IsProvince || group.City == user.Scope).ToList();
        var cities = Cities.All.Where(city => groups.Any(group => group.City == city)).ToList();
        return (cities, groups);
    }

    /// <summary>The groups a broadcast would reach, or why the policy refuses it: what the confirmation shows.</summary>
    public (IReadOnlyList<StaffGroupInfo> Groups, string? Refusal) Reach(ConsoleUser user, IReadOnlyList<string> cities, IReadOnlyList<string> groupIds)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.MayBroadcast
            ? BroadcastPolicy.Resolve(Request(user, "", cities, groupIds, null, null), directory, operatorAllowed: true)
            : ([], "只有通报管理员可以发布通报。");
    }

    /// <summary>Hands the broadcast to the one <see cref="BroadcastService"/>, which applies the policy again.</summary>
    public Task<BroadcastSubmission> SubmitAsync(ConsoleUser user, BroadcastDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(draft);
        return user.MayBroadcast
            ? broadcasts.SubmitAsync(Request(user, draft.Content, draft.Cities, draft.GroupIds, draft.At, draft.IdempotencyKey) with
            {
                Text = draft.IsMarkdown ? null : draft.Content,
                Markdown = draft.IsMarkdown ? draft.Content : null,
            }, cancellationToken)
            : Task.FromResult(BroadcastSubmission.Refused("只有通报管理员可以发布通报。"));
    }

    /// <summary>The newest broadcasts <paramref name="user"/> may see (their groups all within the user's scope), newest first.</summary>
    public async Task<IReadOnlyList<BroadcastReport>> ListAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var reports = new List<BroadcastReport>();
        foreach (var id in await store.RecentAsync(ListLength, cancellationToken))
        {
            if (await ReportAsync(user, id, cancellationToken) is { } report)
            {
                reports.Add(report);
            }
        }

        return reports;
    }

    /// <summary>The report of broadcast <paramref name="id"/>; null when unknown or outside <paramref name="user"/>'s scope.</summary>
    public async Task<BroadcastReport?> ReportAsync(ConsoleUser user, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var broadcast = await store.GetAsync(id, cancellationToken);
        if (broadcast is null || !user.MayBroadcast || !BroadcastPolicy.Covers(user.ManagerId, broadcast.GroupIds, directory))
        {
            return null;
        }

        var state = await store.GetStateAsync(id, cancellationToken);
        return state is null ? null : BroadcastReport.From(broadcast, state.Value, await store.GetDeliveriesAsync(id, cancellationToken), directory);
    }

    /// <summary>Cancels a scheduled broadcast within <paramref name="user"/>'s scope; false when it is not theirs to cancel or no longer scheduled.</summary>
    public async Task<bool> CancelAsync(ConsoleUser user, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await ReportAsync(user, id, cancellationToken) is { State: "scheduled" } && await broadcasts.CancelAsync(id, user.Id, cancellationToken);
    }

    private static BroadcastRequest Request(ConsoleUser user, string text, IReadOnlyList<string> cities, IReadOnlyList<string> groupIds,
        DateTimeOffset? at, string? idempotencyKey) =>
        new(user.ManagerId, text, null, cities, groupIds, at, idempotencyKey, "console");
}

/// <summary>A broadcast as the compose form describes it.</summary>
/// <param name="At">When to send it; null for now.</param>
public sealed record BroadcastDraft(bool IsMarkdown, string Content, IReadOnlyList<string> Cities, IReadOnlyList<string> GroupIds,
    DateTimeOffset? At, string? IdempotencyKey);
