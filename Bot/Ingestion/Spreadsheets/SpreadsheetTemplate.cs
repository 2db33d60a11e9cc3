using System.Data;
using System.Text;
using MiniExcelLibs;

namespace ChatPost.Bot.Ingestion.Spreadsheets;

/// <summary>One column of an import spreadsheet, as the template and the import page describe it.</summary>
/// <param name="Field">The contract's field name, which the header may also use.</param>
/// <param name="Help">What goes in it, in Chinese.</param>
/// <param name="Example">A value that passes.</param>
public sealed record SpreadsheetColumn(string Field, bool Required, string Help, string Example)
{
    /// <summary>The column's header in the template.</summary>
    public string Header => RecordFields.Chinese(Field);
}

/// <summary>
/// The downloadable templates of the import: a header row of the kind's columns (CSV in UTF-8 with a byte order mark,
/// so that Excel opens it in Chinese; XLSX with a second sheet that explains each column).
/// </summary>
public static class SpreadsheetTemplate
{
    private const string TimeHelp = "日期和时间；没写时区的按北京时间。";
    private const string CityHelp = "十七个市州之一，如 襄阳、恩施（可带“市”“州”）。";

    /// <summary>The columns of <paramref name="kind"/>, in the template's order.</summary>
    public static IReadOnlyList<SpreadsheetColumn> Columns(RecordKind kind) => kind == RecordKind.Shipments
        ?
        [
            new("trackingNo", true, "2 个字母 + 9 位数字 + 2 个字母，或 13 位数字。", "EA123456785CN"),
            new("business", true, "交管证照、税务发票、教材、教辅资料、其他。", "交管证照"),
            new("city", true, CityHelp, "襄阳"),
            new("status", true, "已收寄、运输中、派送中、已签收、已退回、异常。", "已签收"),
            new("time", true, TimeHelp, "2020-03-04 10:15"),
            new("location", false, "最多 200 字。", "襄州区交通路投递站"),
            new("description", false, "最多 500 字；群众查询时会看到（电话、姓名打码）。", "已签收，本人收"),
            new("receiverPhone", false, "1 开头的 11 位手机号。", "13800001234"),
            new("applicationNo", false, "发票邮寄时的申请编号：FP + 14 位数字。", ""),
        ]
        :
        [
            new("applicationNo", true, "FP + 14 位数字。", "FP20200217000123"),
            new("taxpayerId", true, "15 到 20 位数字或大写字母（统一社会信用代码）。", "91429005MA4951234A"),
            new("taxpayerName", false, "最多 200 字。", "华润湖北江汉医药有限公司"),
            new("city", true, CityHelp, "潜江"),
            new("status", true, "已提交、已审核、已开具、已寄出、已送达、未通过。", "已寄出"),
            new("time", true, TimeHelp, "2020-02-18 09:00"),
            new("trackingNo", false, "寄出后的邮件号。", "1173456789012"),
            new("note", false, "状态为“未通过”时必填，写明原因；最多 500 字。", ""),
        ];

    /// <summary>The template's file name, e.g. 邮件轨迹导入模板.xlsx.</summary>
    public static string FileName(RecordKind kind, bool xlsx) =>
        (kind == RecordKind.Shipments ? "邮件轨迹导入模板" : "发票申请导入模板") + (xlsx ? ".xlsx" : ".csv");

    /// <summary>The template's bytes.</summary>
    public static byte[] Write(RecordKind kind, bool xlsx)
    {
        var columns = Columns(kind);
        if (!xlsx)
        {
            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(',', columns.Select(column => column.Header)) + "\r\n")];
        }

        using var records = new DataTable("导入");
        foreach (var column in columns)
        {
            records.Columns.Add(column.Header, typeof(string));
        }

        var help = columns.Select(column => new Dictionary<string, object?>
        {
            ["列名"] = column.Header,
            ["也可写作"] = column.Field,
            ["是否必填"] = column.Required ? "必填" : "选填",
            ["说明"] = column.Help,
            ["示例"] = column.Example,
        }).ToList();
        using var file = new MemoryStream();
        // The records' sheet first: the import reads the first sheet.
        file.SaveAs(new Dictionary<string, object> { ["导入"] = records, ["说明"] = help });
        return file.ToArray();
    }
}
