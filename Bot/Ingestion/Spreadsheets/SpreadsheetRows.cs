using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Sylvan.Data.Csv;

namespace ChatPost.Bot.Ingestion.Spreadsheets;

/// <summary>
/// The rows of an uploaded spreadsheet as text cells, numbered as the spreadsheet numbers them (1 = the first row).
/// XLSX through MiniExcel (its first sheet); CSV through Sylvan.Data.Csv, in UTF-8 or, when the bytes are not UTF-8,
/// GB18030 (what Excel on a Chinese Windows saves). Typed cells become the text the contract expects: a date cell is
/// China time with its offset, a number its digits.
/// </summary>
internal static class SpreadsheetRows
{
    /// <summary>Most bytes an XLSX may unpack to; a workbook of 10,000 rows unpacks to a few MB.</summary>
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;

    /// <summary>Most columns read; a value further right marks its row <see cref="SpreadsheetRow.TooWide"/>.</summary>
    public const int MaxColumns = 64;

    /// <summary>Longest CSV row, in characters.</summary>
    private const int MaxCsvRow = 256 * 1024;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>
    /// Reads <paramref name="file"/>; stops after <paramref name="maxRows"/> rows. Null with the problem when the file
    /// cannot be read as a spreadsheet at all.
    /// </summary>
    public static IReadOnlyList<SpreadsheetRow>? Read(ReadOnlyMemory<byte> file, int maxRows, out SpreadsheetProblem? problem)
    {
        problem = null;
        var bytes = file.Span;
        try
        {
            if (bytes.StartsWith("PK\u0003\u0004"u8))
            {
                return ReadXlsx(file, maxRows, out problem);
            }

            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            {
                problem = new SpreadsheetProblem(SpreadsheetProblemKind.OldExcel);
                return null;
            }

            return ReadCsv(file, maxRows);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever the libraries throw at a damaged or hostile file (bad zip, XML with a DTD, a row too long): it is
            // the file's fault, not the service's, and says nothing a person could act on beyond "cannot be read".
            problem = new SpreadsheetProblem(SpreadsheetProblemKind.Unreadable);
            return null;
        }
    }

    private static List<SpreadsheetRow>? ReadXlsx(ReadOnlyMemory<byte> file, int maxRows, out SpreadsheetProblem? problem)
    {
        problem = null;
        // Each entry unpacks to at most its declared length (.NET stops there), so the declared lengths bound the work.
        using (var zip = new ZipArchive(new MemoryStream(file.ToArray(), writable: false), ZipArchiveMode.Read))
        {
            if (zip.Entries.Count > 1_000 || zip.Entries.Sum(entry => entry.Length) > MaxUnpackedBytes)
            {
                problem = new SpreadsheetProblem(SpreadsheetProblemKind.TooLarge);
                return null;
            }
        }

        var configuration = new OpenXmlConfiguration
        {
            IgnoreEmptyRows = false, // keep the numbering: row n is the n-th row the person sees
            EnableSharedStringCache = false, // in memory (bounded above), never a temporary file
            MaxSynthesizedCells = 2_000_000,
        };
        var rows = new List<SpreadsheetRow>();
        using var stream = new MemoryStream(file.ToArray(), writable: false);
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration))
        {
            if (rows.Count == maxRows)
            {
                break;
            }

            var cells = new string?[MaxColumns];
            var tooWide = false;
            foreach (var (column, value) in row)
            {
                var index = ColumnIndex(column);
                if (index < MaxColumns)
                {
                    cells[index] = Text(value);
                }
                else
                {
                    tooWide |= !string.IsNullOrWhiteSpace(Text(value));
                }
            }

            rows.Add(new SpreadsheetRow(rows.Count + 1, cells, tooWide));
        }

        return rows;
    }

    private static List<SpreadsheetRow> ReadCsv(ReadOnlyMemory<byte> file, int maxRows)
    {
        var bytes = file.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? file[3..] : file;
        var encoding = Utf8.IsValid(bytes.Span) ? Encoding.UTF8 : CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        using var text = new StringReader(encoding.GetString(bytes.Span));
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, MaxBufferSize = MaxCsvRow });
        var rows = new List<SpreadsheetRow>();
        while (rows.Count < maxRows && csv.Read())
        {
            var cells = new string?[Math.Min(csv.RowFieldCount, MaxColumns)];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
            }

            var tooWide = false;
            for (var i = MaxColumns; i < csv.RowFieldCount; i++)
            {
                tooWide |= !string.IsNullOrWhiteSpace(csv.GetString(i));
            }

            rows.Add(new SpreadsheetRow(rows.Count + 1, cells, tooWide));
        }

        return rows;
    }

    /// <summary>A typed XLSX cell as the contract's text: a date cell in China time with its offset, a whole number without a decimal point.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime moment => new DateTimeOffset(DateTime.SpecifyKind(moment, DateTimeKind.Unspecified), China).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e18 => number.ToString("0", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A column's letters (A, B, …, AA) as a zero-based index.</summary>
    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var letter in letters.AsSpan(0, Math.Min(letters.Length, 4)))
        {
            index = (index * 26) + (char.ToUpperInvariant(letter) - 'A' + 1);
        }

        return index - 1;
    }
}

/// <summary>One row of a spreadsheet: its number as the spreadsheet shows it, and its cells as text (null when empty).</summary>
/// <param name="TooWide">True when the row has a value beyond the first <see cref="SpreadsheetRows.MaxColumns"/> columns.</param>
internal sealed record SpreadsheetRow(int Number, string?[] Cells, bool TooWide = false)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
