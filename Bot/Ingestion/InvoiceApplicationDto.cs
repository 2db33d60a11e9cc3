using System.Globalization;
using System.Text.Json.Serialization;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// One state of a taxpayer's application for invoices by post; an older state than the one stored never replaces it.
/// 纳税人邮寄发票申请的一个状态；比已存状态更早的状态不会覆盖它。
/// </summary>
/// <remarks>The contract's JSON shape (DESIGN.md), every field a string; also its stored form.</remarks>
/// <param name="ApplicationNo">The e-tax site's application number: FP and 14 digits. 电子税务局申请编号：FP + 14 位数字。</param>
/// <param name="TaxpayerId">Unified social credit code or taxpayer ID: 15 to 20 digits or capital letters. 纳税人识别号：15–20 位数字或大写字母。</param>
/// <param name="TaxpayerName">The taxpayer's name (at most 200 characters); masked in answers. 纳税人名称，回复中打码。</param>
/// <param name="City">One of the seventeen city branches. 十七个市分公司之一。</param>
/// <param name="Status">The application's state. 状态：submitted 已提交 · approved 已审核 · issued 已开具 · mailed 已寄出 · delivered 已签收 · rejected 已驳回（需 note）。</param>
/// <param name="Time">When it reached this state: ISO 8601 with an offset. 进入该状态的时间：带时区的 ISO 8601。</param>
/// <param name="TrackingNo">The parcel's tracking number, once mailed. 寄出后的邮件号。</param>
/// <param name="Note">Why it was rejected (required when status is rejected; at most 500 characters). 驳回原因（状态为 rejected 时必填）。</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record InvoiceApplicationDto(
    string? ApplicationNo,
    string? TaxpayerId,
    string? TaxpayerName,
    string? City,
    string? Status,
    string? Time,
    string? TrackingNo,
    string? Note)
{
    public static InvoiceApplicationDto From(InvoiceApplication value) => new(
        value.ApplicationNo, value.TaxpayerId, value.TaxpayerName, value.City, PostalNames.ToWire(value.Status),
        WireTime.Format(value.Time), value.TrackingNo, value.Note);

    /// <summary>The application this stored form was made from; null when the stored data is not one.</summary>
    public InvoiceApplication? ToApplication() =>
        ApplicationNo is not null && TaxpayerId is not null && City is not null
        && PostalNames.TryParse(Status, out InvoiceStatus status)
        && DateTimeOffset.TryParse(Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new InvoiceApplication(ApplicationNo, TaxpayerId, TaxpayerName, City, status, time, TrackingNo, Note)
            : null;
}
