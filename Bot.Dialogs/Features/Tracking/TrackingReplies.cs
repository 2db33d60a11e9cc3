using System.Globalization;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Dialogs.Features.Tracking;

/// <summary>What the bot says about tracking.</summary>
public static class TrackingReplies
{
    public const string AskNumber = "请发送您的邮件号（如 EA123456785CN，或 13 位数字单号），我来帮您查询。";

    public const string AskNumberAgain = "没有找到邮件号。邮件号一般是 2 个字母 + 9 位数字 + 2 个字母（如 EA123456785CN），或 13 位数字，请再发一次；回复“取消”可结束查询。";

    public const string GiveUp = "暂时没能识别邮件号。您可以在短信或 12123、电子税务局的寄递信息里找到它，找到后直接发给我即可；需要人工服务请回复“人工”。";

    /// <summary>Said after answering something else while the number was awaited: the question is dropped, and this says how to come back.</summary>
    public const string Reminder = "（要查邮件，随时把邮件号发给我。）";


    /// <summary>The latest status, its time, location and description as ingested, and the number of events.</summary>
    public static string Found(TrackingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var latest = summary.Latest;
        var lines = new List<string>
        {
            $"邮件 {latest.TrackingNo}（{PostalNames.ToChinese(latest.Business)}）",
            $"最新状态：{PostalNames.ToChinese(latest.Status)}",
            $"时间：{FormatTime(latest.Time)}",
        };
        if (!string.IsNullOrWhiteSpace(latest.Location))
        {
            lines.Add($"地点：{latest.Location}");
        }

        if (!string.IsNullOrWhiteSpace(latest.Description))
        {
            lines.Add($"说明：{PersonalData.MaskText(latest.Description)}");
        }

        lines.Add($"共 {summary.EventCount} 条物流记录。");
        return string.Join('\n', lines);
    }

    /// <summary>Says plainly that the number is unknown, and why that may be.</summary>
    public static string NotFound(TrackingNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.IsCheckDigitValid
            ? $"没有查到邮件 {number.Value} 的记录。请核对单号；如果刚刚寄出，信息可能稍后才能查到。"
            : $"没有查到邮件 {number.Value} 的记录，而且这个单号的校验位看起来不对，可能输错了一位，请核对后再发。";
    }

    /// <summary>A moment in China time, as <c>2020-03-04 10:15</c>.</summary>
    public static string FormatTime(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
