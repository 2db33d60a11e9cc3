using System.Globalization;
using ChatPost.Bot.Ingestion.Spreadsheets;

namespace ChatPost.Bot.Console.Import;

/// <summary>How the import page and its audit lines word an import.</summary>
public static class ImportTexts
{
    /// <summary>The kind's Chinese name: 邮件轨迹, 发票申请.</summary>
    public static string Kind(RecordKind kind) => kind == RecordKind.Shipments ? "邮件轨迹" : "发票申请";

    /// <summary>The kind as the page's form and the template addresses name it: <c>shipments</c>, <c>invoice-applications</c>.</summary>
    public static string Wire(RecordKind kind) => kind == RecordKind.Shipments ? "shipments" : "invoice-applications";

    /// <summary>The kind a form value or address names; null for anything else.</summary>
    public static RecordKind? FromWire(string? wire) => Enum.GetValues<RecordKind>().Cast<RecordKind?>().FirstOrDefault(kind => Wire(kind!.Value) == wire);

    /// <summary>The audit line: the kind, the file's name and the counts; never a row.</summary>
    public static string Summary(RecordKind kind, string fileName, SpreadsheetImportResult result)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(result);
        var name = Path.GetFileName(fileName);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Kind(kind)}，文件 {(name.Length > 80 ? name[..80] + "…" : name)}：共 {result.Rows} 行，新增 {result.Accepted}，重复 {result.Duplicates}，有误 {result.Rejected.Count}{(result.Unavailable ? "（存储不可用，未全部写入）" : "")}");
    }
}
