using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>The rules a record's field can break; <see cref="RecordProblem"/> words each in English (the API) and Chinese (the console).</summary>
public enum RecordRule
{
    Required,
    NotAnObject,
    NotAField,
    NotAString,
    UnknownBusiness,
    UnknownShipmentStatus,
    UnknownInvoiceStatus,
    NotACity,
    TrackingNoShape,
    PhoneShape,
    ApplicationNoShape,
    TaxpayerIdShape,
    TooLong,
    TimeShape,
    TimeOutOfRange,
    RequiredWhenRejected,
}

/// <summary>
/// What is wrong with one field of a record: the field's contract name and the rule it breaks, never its value (values
/// can be personal data, and reasons are logged). Worded once here, in both languages.
/// </summary>
/// <param name="Field">The contract name (<c>trackingNo</c>), <c>record</c> for the record as a whole, or <c>a field</c> for a name not repeated.</param>
/// <param name="Limit">For <see cref="RecordRule.TooLong"/>: the longest allowed, in characters.</param>
public readonly record struct RecordProblem(string Field, RecordRule Rule, int Limit = 0)
{
    private static readonly string Businesses = string.Join(", ", Enum.GetValues<Business>().Select(PostalNames.ToWire));
    private static readonly string ShipmentStatuses = string.Join(", ", Enum.GetValues<ShipmentStatus>().Select(PostalNames.ToWire));
    private static readonly string InvoiceStatuses = string.Join(", ", Enum.GetValues<InvoiceStatus>().Select(PostalNames.ToWire));
    private static readonly string BusinessesChinese = string.Join("、", Enum.GetValues<Business>().Select(PostalNames.ToChinese));
    private static readonly string ShipmentStatusesChinese = string.Join("、", Enum.GetValues<ShipmentStatus>().Select(PostalNames.ToChinese));
    private static readonly string InvoiceStatusesChinese = string.Join("、", Enum.GetValues<InvoiceStatus>().Select(PostalNames.ToChinese));

    /// <summary>As the ingestion API answers it: <c>field: rule</c>, e.g. <c>city: not one of the seventeen city branches</c>.</summary>
    public string ToEnglish() => $"{Field}: {Texts().English}";

    /// <summary>As the console shows it: the field's Chinese name and the rule, e.g. <c>市州：不是十七个市州之一</c>.</summary>
    public string ToChinese() => $"{RecordFields.Chinese(Field)}：{Texts().Chinese}";

    private (string English, string Chinese) Texts() => Rule switch
    {
        RecordRule.Required => ("required", "必填"),
        RecordRule.NotAnObject => ("must be a JSON object", "必须是一个 JSON 对象"),
        RecordRule.NotAField => ("is not a field of the contract", "不是约定的字段"),
        RecordRule.NotAString => ("must be a string or null, and given at most once", "必须是字符串或 null，且只能出现一次"),
        RecordRule.UnknownBusiness => ("unknown; expected one of " + Businesses, "无法识别，应为 " + BusinessesChinese),
        RecordRule.UnknownShipmentStatus => ("unknown; expected one of " + ShipmentStatuses, "无法识别，应为 " + ShipmentStatusesChinese),
        RecordRule.UnknownInvoiceStatus => ("unknown; expected one of " + InvoiceStatuses, "无法识别，应为 " + InvoiceStatusesChinese),
        RecordRule.NotACity => ("not one of the seventeen city branches", "不是十七个市州之一"),
        RecordRule.TrackingNoShape => ("must be an S10 number (2 letters, 9 digits, 2 letters) or 13 digits", "应为 2 个字母 + 9 位数字 + 2 个字母，或 13 位数字"),
        RecordRule.PhoneShape => ("must be 11 digits starting with 1", "应为 1 开头的 11 位手机号"),
        RecordRule.ApplicationNoShape => ("must be FP and 14 digits", "应为 FP 加 14 位数字"),
        RecordRule.TaxpayerIdShape => ("must be 15 to 20 digits or capital letters", "应为 15 到 20 位数字或大写字母"),
        RecordRule.TooLong => ($"longer than {Limit} characters", $"超过 {Limit} 个字"),
        RecordRule.TimeShape => ("must be an ISO 8601 date and time with an offset, e.g. 2020-03-04T10:15:00+08:00",
            "不是有效的日期时间，应如 2020-03-04 10:15（北京时间）"),
        RecordRule.TimeOutOfRange => ("must be after 2000-01-01 and at most a day ahead of the server's clock", "应在 2000 年之后，且不晚于明天此时"),
        RecordRule.RequiredWhenRejected => ("required when status is rejected", "状态为“未通过”时必填（写明原因）"),
        _ => (Rule.ToString(), Rule.ToString()),
    };
}
