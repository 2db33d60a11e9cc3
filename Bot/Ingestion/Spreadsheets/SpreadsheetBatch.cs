using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatPost.Bot.Ingestion.Spreadsheets;

/// <summary>
/// A spreadsheet read as one ingestion batch: its header row names the record's fields (contract or Chinese names),
/// every later row that is not blank is a record, and each record goes through the kind's own validator — the one the
/// JSON API uses — with the row's number kept for the reasons.
/// </summary>
internal static class SpreadsheetBatch
{
    /// <summary>How many rows above the header may hold a title, a date or notes.</summary>
    private const int MaxRowsBeforeHeader = 10;

    /// <summary>
    /// The batch and each record's row number (parallel to the records the batch was checked from), or null with the
    /// problem that refuses the whole file.
    /// </summary>
    public static (ParsedBatch<T> Batch, IReadOnlyList<int> RowNumbers)? Read<TDto, T>(ReadOnlyMemory<byte> file, IngestKind<TDto, T> kind,
        DateTimeOffset now, out SpreadsheetProblem? problem)
        where TDto : class
        where T : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        // One row more than a batch may hold, and room for a header and titles: enough to know the file is too long.
        var rows = SpreadsheetRows.Read(file, IngestLimits.MaxRecords + MaxRowsBeforeHeader + 2, out problem);
        if (rows is null)
        {
            return null;
        }

        var fields = kind.JsonType.Properties.Select(property => property.Name).ToArray();
        var header = rows.Take(MaxRowsBeforeHeader).FirstOrDefault(row => row.Cells.Count(cell => cell is not null && RecordFields.FromHeader(cell, fields) is not null) >= 2);
        if (header is null)
        {
            problem = new SpreadsheetProblem(SpreadsheetProblemKind.NoHeader);
            return null;
        }

        var records = rows.Where(row => row.Number > header.Number && !row.IsBlank).ToList();
        problem = Columns(header, records, fields, out var columns);
        if (problem is null && records.Count > IngestLimits.MaxRecords)
        {
            problem = new SpreadsheetProblem(SpreadsheetProblemKind.TooManyRows);
        }

        if (problem is not null)
        {
            return null;
        }

        var batch = IngestBatchParser.CheckEach(records, (row, check) => kind.Validate(Record(row, columns, kind), check), now);
        return (batch, [.. records.Select(row => row.Number)]);
    }

    /// <summary>Which field each column holds (null for an empty column without a header), or why the header cannot be used.</summary>
    private static SpreadsheetProblem? Columns(SpreadsheetRow header, List<SpreadsheetRow> records, string[] fields, out string?[] columns)
    {
        string?[] named = [.. header.Cells.Select(cell => string.IsNullOrWhiteSpace(cell) ? null : RecordFields.FromHeader(cell, fields))];
        columns = named;
        var unknown = header.Cells.Where((cell, i) => !string.IsNullOrWhiteSpace(cell) && named[i] is null).Select(cell => cell!.Trim()).ToList();
        if (unknown.Count > 0)
        {
            return new SpreadsheetProblem(SpreadsheetProblemKind.UnknownColumns, string.Join("、", unknown.Select(name => name.Length > 32 ? name[..32] + "…" : name)));
        }

        if (columns.OfType<string>().GroupBy(field => field).FirstOrDefault(same => same.Count() > 1) is { } twice)
        {
            return new SpreadsheetProblem(SpreadsheetProblemKind.DuplicateColumn, RecordFields.Chinese(twice.Key));
        }

        if (records.Any(row => row.TooWide))
        {
            return new SpreadsheetProblem(SpreadsheetProblemKind.TooManyColumns);
        }

        var width = columns.Length;
        var unnamed = records.SelectMany(row => row.Cells.Select((cell, i) => (cell, i)))
            .Where(cell => !string.IsNullOrWhiteSpace(cell.cell) && (cell.i >= width || header.Cells[cell.i] is null || string.IsNullOrWhiteSpace(header.Cells[cell.i])))
            .Select(cell => (int?)cell.i)
            .Min();
        return unnamed is { } column ? new SpreadsheetProblem(SpreadsheetProblemKind.UnnamedColumn, ColumnLetters(column)) : null;
    }

    /// <summary>The row as the contract's record, every field a string or null, for the kind's own validator.</summary>
    private static TDto Record<TDto, T>(SpreadsheetRow row, string?[] columns, IngestKind<TDto, T> kind)
        where TDto : class
        where T : class
    {
        var record = new JsonObject();
        for (var i = 0; i < columns.Length && i < row.Cells.Length; i++)
        {
            if (columns[i] is { } field)
            {
                record[field] = SpreadsheetCells.Adapt(field, row.Cells[i]);
            }
        }

        // Every field of the object is a string or null, the record's own type: this cannot fail.
        return record.Deserialize(kind.JsonType)!;
    }

    private static string ColumnLetters(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            letters = (char)('A' + ((index - 1) % 26)) + letters;
        }

        return letters;
    }
}
