namespace ChatPost.Bot.Ingestion;

/// <summary>
/// The contract's field names with the Chinese names people read (the console's reasons, the spreadsheet templates'
/// column headers) and the other headers a city branch's own export may give the same column.
/// </summary>
public static class RecordFields
{
    private static readonly Dictionary<string, (string Chinese, string[] Aliases)> Names = new(StringComparer.Ordinal)
    {
        ["trackingNo"] = ("邮件号", ["邮件号码", "运单号", "快递单号", "单号"]),
        ["business"] = ("业务", ["业务类型", "业务种类"]),
        ["city"] = ("市州", ["城市", "地市", "市分公司"]),
        ["status"] = ("状态", ["当前状态"]),
        ["time"] = ("时间", ["日期时间", "操作时间", "处理时间"]),
        ["location"] = ("地点", ["处理地点", "所在地"]),
        ["description"] = ("说明", ["描述", "详情"]),
        ["receiverPhone"] = ("收件人电话", ["收件人手机", "收件人手机号", "收件电话"]),
        ["applicationNo"] = ("申请编号", ["发票申请编号", "申请单号"]),
        ["taxpayerId"] = ("纳税人识别号", ["统一社会信用代码", "税号"]),
        ["taxpayerName"] = ("纳税人名称", ["纳税人", "单位名称"]),
        ["note"] = ("备注", ["原因", "不通过原因"]),
        ["record"] = ("记录", []),
    };

    /// <summary>The Chinese name of <paramref name="field"/>; a name the contract does not have (<c>a field</c>) is 某个字段.</summary>
    public static string Chinese(string field) => Names.TryGetValue(field, out var names) ? names.Chinese : "某个字段";

    /// <summary>
    /// The contract field a spreadsheet column header names, among <paramref name="fields"/>: its contract name (any case),
    /// its Chinese name or one of its other headers; null for any other header.
    /// </summary>
    public static string? FromHeader(string header, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(fields);
        var name = header.Trim();
        return fields.FirstOrDefault(field => string.Equals(field, name, StringComparison.OrdinalIgnoreCase)
            || (Names.TryGetValue(field, out var names) && (names.Chinese == name || names.Aliases.Contains(name))));
    }
}
