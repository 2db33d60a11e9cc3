using System.Globalization;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Staff;

namespace ChatPost.Bot.Dialogs.Features.ManagerBroadcast;

/// <summary>What the bot says to managers about broadcasts.</summary>
public static class BroadcastReplies
{
    public const string Dropped = "好的，这条通报不发了。";

    public const string ConfirmOrCancel = "请回复“确认”发送，或回复“取消”放弃这条通报。";

    public const string NothingToConfirm = "现在没有等待确认的通报。发布通报请发送“通报 内容”。";

    public const string BadTime = "没看懂发送时间，或时间已过。例如：“定时 明天08:00 通报 内容”。";

    public const string TimePassed = "预定的发送时间已经过了，请重新发布。";

    public const string TooFarAhead = "定时通报最多提前 30 天预约，请重新发布。";

    public const string RecallCancelled = "已撤回：那条定时通报不会再发送。";

    public const string CannotRecall = "群机器人消息发出后无法撤回。如需更正，请再发一条更正通报。";

    public const string NotAManager = "只有通报管理员可以发布通报。";

    public const string OnlyTheAsker = "抱歉，这条通报只能由发起它的管理员确认或取消。";

    /// <summary>The one-tap answers a preview offers (a card's buttons where the channel shows them).</summary>
    public static readonly IReadOnlyList<string> PreviewActions = ["确认", "取消"];

    /// <summary>What will go where, and when, before the manager confirms.</summary>
    public static string Preview(string content, IReadOnlyList<StaffGroupInfo> groups, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var names = string.Join("、", groups.Take(10).Select(group => group.Name)) + (groups.Count > 10 ? $" 等 {groups.Count} 个群" : "");
        var when = at is { } time ? $"于 {Format(time)} " : "立即";
        return $"将{when}发送给 {groups.Count} 个工作群（{names}）：\n————\n{content}\n————\n回复“确认”发送，回复“取消”放弃。";
    }

    /// <summary>The receipt after confirmation.</summary>
    public static string Accepted(BroadcastSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var when = submission.At is { } at ? $"将于 {Format(at)} 发送" : "正在发送";
        return $"已受理（编号 {submission.Id}），{when}给 {submission.Groups.Count} 个工作群，送达情况稍后发给您。";
    }

    private static string Format(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, ChinaTime.Zone).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
}
