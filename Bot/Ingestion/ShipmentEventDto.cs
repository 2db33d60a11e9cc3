using System.Globalization;
using System.Text.Json.Serialization;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// A shipment event: one scan of a parcel; the same <c>(trackingNo, status, time)</c> twice is one event.
/// 一条邮件轨迹（一次扫描）；邮件号、状态和时间都相同的两条记录视为同一事件。
/// </summary>
/// <remarks>
/// The contract's JSON shape (DESIGN.md): every field a string so that a wrong JSON type is a per-record rejection.
/// Also the stored form of a validated event (normalised values).
/// </remarks>
/// <param name="TrackingNo">Tracking number: S10 (2 letters, 9 digits with its check digit, 2 letters) or 13 digits; spaces and lower case are normalised. 邮件号：S10 格式（如 EA123456785CN）或 13 位数字。</param>
/// <param name="Business">Business line. 业务：license 交管证照 · invoice 税务发票 · textbook 教材 · study-material 教辅资料 · other 其他。</param>
/// <param name="City">One of the seventeen city branches. 十七个市分公司之一。</param>
/// <param name="Status">The scan's status. 状态：accepted 收寄 · in_transit 运输中 · out_for_delivery 投递中 · delivered 签收 · returned 退回 · exception 异常。</param>
/// <param name="Time">When it happened: ISO 8601 with an offset, after 2000 and at most a day ahead of the server's clock. 发生时间：带时区的 ISO 8601。</param>
/// <param name="Location">Where, as citizens are shown it (at most 200 characters). 地点，原样展示给用户（最多 200 字）。</param>
/// <param name="Description">What happened, as citizens are shown it (at most 500 characters). 说明，原样展示给用户（最多 500 字）。</param>
/// <param name="ReceiverPhone">The receiver's mobile number (11 digits, 1…): finds the parcel by phone; always masked in answers. 收件人手机号，仅用于查询，回复中始终打码。</param>
/// <param name="ApplicationNo">The invoice application this parcel carries (FP and 14 digits). 对应的发票申请编号（FP + 14 位数字）。</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ShipmentEventDto(
    string? TrackingNo,
    string? Business,
    string? City,
    string? Status,
    string? Time,
    string? Location,
    string? Description,
    string? ReceiverPhone,
    string? ApplicationNo)
{
    public static ShipmentEventDto From(ShipmentEvent value) => new(
        value.TrackingNo, PostalNames.ToWire(value.Business), value.City, PostalNames.ToWire(value.Status),
        WireTime.Format(value.Time), value.Location, value.Description, value.ReceiverPhone, value.ApplicationNo);

    /// <summary>The event this stored form was made from; null when the stored data is not one (never written by us).</summary>
    public ShipmentEvent? ToEvent() =>
        TrackingNo is not null && City is not null
        && PostalNames.TryParse(Business, out Business business)
        && PostalNames.TryParse(Status, out ShipmentStatus status)
        && DateTimeOffset.TryParse(Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new ShipmentEvent(TrackingNo, business, City, status, time, Location, Description, ReceiverPhone, ApplicationNo)
            : null;
}
