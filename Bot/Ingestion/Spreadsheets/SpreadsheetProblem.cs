namespace ChatPost.Bot.Ingestion.Spreadsheets;

/// <summary>Why a whole spreadsheet is refused before any of its rows is checked.</summary>
public enum SpreadsheetProblemKind
{
    /// <summary>Neither a CSV file nor an XLSX workbook, or a damaged one.</summary>
    Unreadable,

    /// <summary>An Excel 97–2003 workbook (.xls), which is read no more.</summary>
    OldExcel,

    /// <summary>Larger than the ingestion API's body limit, or an XLSX that unpacks to more than its limit.</summary>
    TooLarge,

    /// <summary>No row in the first ones names at least two of the record's fields.</summary>
    NoHeader,

    /// <summary>Columns whose headers name no field of the record (<see cref="SpreadsheetProblem.Detail"/>: the headers).</summary>
    UnknownColumns,

    /// <summary>Two columns for the same field (<see cref="SpreadsheetProblem.Detail"/>: the field's Chinese name).</summary>
    DuplicateColumn,

    /// <summary>A column with values but no header (<see cref="SpreadsheetProblem.Detail"/>: the column's letter).</summary>
    UnnamedColumn,

    /// <summary>Values beyond the first 64 columns.</summary>
    TooManyColumns,

    /// <summary>More rows than one ingestion batch may have.</summary>
    TooManyRows,
}

/// <summary>Why a spreadsheet was refused as a whole, worded for the console. Nothing of it was stored.</summary>
/// <param name="Detail">Headers or a column letter: what the sheet itself says, never a cell of its records.</param>
public sealed record SpreadsheetProblem(SpreadsheetProblemKind Kind, string? Detail = null)
{
    /// <summary>The refusal in Chinese, saying what to change.</summary>
    public string ToChinese() => Kind switch
    {
        SpreadsheetProblemKind.OldExcel => "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入。",
        SpreadsheetProblemKind.TooLarge => $"文件过大：最大 {IngestLimits.MaxBodyBytes / 1024 / 1024} MB，请拆分后分批导入。",
        SpreadsheetProblemKind.NoHeader => "没有找到表头：第一行应为列名，如“邮件号、业务、市州、状态、时间”。可下载模板对照。",
        SpreadsheetProblemKind.UnknownColumns => $"不认识的列：{Detail}。请删除这些列，或改成模板中的列名。",
        SpreadsheetProblemKind.DuplicateColumn => $"“{Detail}”出现了两列，请只保留一列。",
        SpreadsheetProblemKind.UnnamedColumn => $"第 {Detail} 列有内容但没有列名，请补上列名或删除这一列。",
        SpreadsheetProblemKind.TooManyColumns => $"列数过多：最多读取前 {SpreadsheetRows.MaxColumns} 列，请删除多余的列。",
        SpreadsheetProblemKind.TooManyRows => $"行数过多：一次最多导入 {IngestLimits.MaxRecords:N0} 行，请拆分后分批导入。",
        _ => "无法读取这个文件：请上传 .csv 或 .xlsx 格式的表格。",
    };
}
