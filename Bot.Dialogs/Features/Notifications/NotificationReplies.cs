using System.Globalization;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;

namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>What the bot says about watches, and the notifications themselves.</summary>
public static class NotificationReplies
{
    /// <summary>The line an answer about an item that has not arrived yet ends with.</summary>
    public const string Offer = "回复「提醒」，有新进展时通知您。";

    public const string NothingToWatch = "请先发送邮件号或发票申请编号查询，查到后回复「提醒」即可；也可以直接发送「提醒 + 邮件号」。";

    public const string Footer = "有新进展（派送、签收、退回、异常）时我会通知您。回复「我的提醒」查看，「取消提醒」停止。";

    public const string NoWatches = "您目前没有提醒。查询邮件号或发票申请编号后回复「提醒」，有新进展时我会通知您。";

    public static string Added(WatchedItem item) => $"好的，{Name(item)} 已加入提醒。";

    public static string AlreadyWatching(WatchedItem item) => $"{Name(item)} 已在提醒中。";

    public static string LimitReached(WatchedItem item, int watching) =>
        $"{Name(item)} 没有加入：您已在关注 {watching} 件，达到上限。请先回复「取消提醒 + 单号」停止其中一件。";

    public static string Unreachable(WatchedItem item) =>
        $"{Name(item)} 没有加入提醒：这是控制台的测试对话，测试用户收不到微信通知，所以不设提醒。真实用户回复「提醒」后，有新进展时会收到通知。";

    public static string NoNeed(WatchedItem item, int status) => $"{Name(item)} {StatusName(item.Kind, status)}，无需提醒。";

    public static string Cancelled(WatchedItem item) => $"已取消{Name(item)} 的提醒。";

    public static string NotWatching(WatchedItem item) => $"{Name(item)} 没有在提醒中。";

    public static string CancelledAll(int count) => $"已取消全部 {count} 个提醒。";

    /// <summary>The user's watches, one line each, and how to stop them.</summary>
    public static string List(IReadOnlyList<Watch> watches)
    {
        ArgumentNullException.ThrowIfNull(watches);
        var lines = new List<string> { "您正在关注：" };
        lines.AddRange(watches.Select((watch, i) =>
            $"{i + 1}. {Name(watch.Item)}：{StatusName(watch.Item.Kind, watch.Told.Status)}（{TrackingReplies.FormatTime(watch.Told.Time)}），" +
            $"提醒至 {TimeZoneInfo.ConvertTime(watch.Until, ChinaTime.Zone).ToString("M月d日", CultureInfo.InvariantCulture)}"));
        lines.Add("回复「取消提醒」全部停止，或「取消提醒 + 单号」停止一件。");
        return string.Join('\n', lines);
    }

    /// <summary>The notification of a change: the new state, its time and place, and what follows.</summary>
    public static string Change(ItemChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var fields = Fields(change);
        var lines = new List<string> { $"【进度提醒】您关注的{Name(change.Item)}：{fields[TemplateField.Status]}", $"时间：{fields[TemplateField.Time]}" };
        if (fields[TemplateField.Place].Length > 0)
        {
            lines.Add($"地点：{fields[TemplateField.Place]}");
        }

        if (change.Application is { Status: InvoiceStatus.Rejected } rejected)
        {
            lines.Add($"原因：{rejected.Note ?? "未说明"}");
            lines.Add("请按原因修改后在电子税务局重新提交申请。");
        }
        else if (change.ParcelToFollow is { } parcel)
        {
            lines.Add($"邮件号：{parcel}，派送和签收时会继续通知您。");
        }
        else if (fields[TemplateField.Detail].Length > 0)
        {
            lines.Add($"说明：{fields[TemplateField.Detail]}");
        }

        lines.Add(change.IsFinal ? "此项提醒已结束。" : "回复「取消提醒」可停止提醒。");
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The parts of a change that a template message's keywords can show, by <see cref="TemplateField"/> name: every
    /// name is present, empty when the change has nothing for it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Fields(ItemChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var item = change.Item;
        var state = change.State;
        var (business, place, detail) = change.Shipment is { } shipment
            ? (PostalNames.ToChinese(shipment.Business), shipment.Location ?? "", PersonalData.MaskText(shipment.Description ?? ""))
            : (PostalNames.ToChinese(Business.Invoice), change.Application!.City,
                change.Application.Status == InvoiceStatus.Rejected ? change.Application.Note ?? "" : change.ParcelToFollow is { } parcel ? "邮件号 " + parcel : "");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateField.Item] = item.Id,
            [TemplateField.Business] = business,
            [TemplateField.Status] = StatusName(item.Kind, state.Status),
            [TemplateField.Place] = place,
            [TemplateField.Time] = TrackingReplies.FormatTime(state.Time),
            [TemplateField.Detail] = detail,
        };
    }

    private static string Name(WatchedItem item) =>
        item.Kind == WatchedItemKind.Shipment ? $"邮件 {item.Id}" : $"发票申请 {item.Id}";

    private static string StatusName(WatchedItemKind kind, int status) => kind == WatchedItemKind.Shipment
        ? PostalNames.ToChinese((ShipmentStatus)status)
        : PostalNames.ToChinese((InvoiceStatus)status);
}

/// <summary>The names of what a template message's keywords can show (<c>WeChat:OfficialAccount:Templates:*:Fields</c>).</summary>
public static class TemplateField
{
    /// <summary>The tracking or application number.</summary>
    public const string Item = "item";

    /// <summary>The business line, in Chinese (交管证照…).</summary>
    public const string Business = "business";

    /// <summary>The new state, in Chinese (派送中, 已签收…).</summary>
    public const string Status = "status";

    /// <summary>Where: the scan's location, or the application's city.</summary>
    public const string Place = "place";

    /// <summary>When, <c>yyyy-MM-dd HH:mm</c> in China time.</summary>
    public const string Time = "time";

    /// <summary>The scan's description (masked), a refusal's reason, or the parcel's number.</summary>
    public const string Detail = "detail";

    public static readonly IReadOnlyList<string> All = [Item, Business, Status, Place, Time, Detail];
}
