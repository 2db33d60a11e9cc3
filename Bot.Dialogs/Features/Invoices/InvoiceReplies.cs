using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;

namespace ChatPost.Bot.Dialogs.Features.Invoices;

/// <summary>What the bot says about invoice applications.</summary>
public static class InvoiceReplies
{
    public const string AskNumber = "请发送发票申请编号（如 FP20200217000123）或纳税人识别号，我来帮您查询发票寄递进度。";

    public const string AskNumberAgain = "没有识别到申请编号或纳税人识别号。申请编号以 FP 开头，纳税人识别号一般为 18 位，请再发一次；回复“取消”可结束查询。";

    public const string GiveUp = "暂时没能识别申请编号。您可以登录电子税务局，在“发票领用”的申请记录里找到它；需要人工服务请回复“人工”。";

    /// <summary>Said after answering something else while the number was awaited: the question is dropped, and this says how to come back.</summary>
    public const string Reminder = "（要查发票，随时把申请编号或纳税人识别号发给我。）";


    public static string NotFound(string applicationNo) =>
        $"没有查到申请编号 {applicationNo} 的记录。请核对编号；刚提交的申请可能稍后才能查到。";

    public static string NoApplicationForTaxpayer(string taxpayerId) =>
        $"没有查到纳税人识别号 {taxpayerId} 的发票邮寄申请。请核对识别号，或发送申请编号查询。";

    /// <summary>The status; when mailed, the tracking number and its latest event; when rejected, the note.</summary>
    public static string Status(InvoiceApplication application, TrackingSummary? delivery)
    {
        ArgumentNullException.ThrowIfNull(application);
        var lines = new List<string> { $"发票申请 {application.ApplicationNo}" };
        if (!string.IsNullOrWhiteSpace(application.TaxpayerName))
        {
            lines.Add($"纳税人：{PersonalData.MaskName(application.TaxpayerName)}");
        }

        lines.Add($"状态：{PostalNames.ToChinese(application.Status)}（{TrackingReplies.FormatTime(application.Time)}）");
        if (application.Status == InvoiceStatus.Rejected)
        {
            lines.Add($"原因：{application.Note ?? "未说明"}");
            lines.Add("请按原因修改后在电子税务局重新提交申请。");
        }

        if (application.TrackingNo is { Length: > 0 } trackingNo)
        {
            lines.Add($"邮件号：{trackingNo}");
            lines.Add(delivery is null
                ? "物流信息暂未更新，请稍后再查。"
                : $"最新物流：{PostalNames.ToChinese(delivery.Latest.Status)}，{TrackingReplies.FormatTime(delivery.Latest.Time)}，" +
                  $"{delivery.Latest.Location ?? ""}{(string.IsNullOrWhiteSpace(delivery.Latest.Description) ? "" : "，" + PersonalData.MaskText(delivery.Latest.Description))}");
        }

        return string.Join('\n', lines);
    }
}
