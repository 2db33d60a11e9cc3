namespace ChatPost.Bot.Ingestion.Spreadsheets;

/// <summary>Which records a spreadsheet holds: the two kinds of the ingestion contract.</summary>
public enum RecordKind
{
    /// <summary>Shipment events, as <c>POST /api/ingest/shipments</c> takes them.</summary>
    Shipments,

    /// <summary>Invoice applications, as <c>POST /api/ingest/invoice-applications</c> takes them.</summary>
    InvoiceApplications,
}

/// <summary>
/// Imports a spreadsheet (CSV or XLSX) of records as one ingestion batch: the rows are checked by the kind's own
/// validator, the valid ones stored through <see cref="IngestionHandler"/> exactly as a batch posted to the API would
/// be (atomically per record, idempotently, counted and logged the same way).
/// </summary>
public sealed class SpreadsheetImport(IngestionHandler ingestion, TimeProvider time)
{
    /// <summary>Largest file taken: the ingestion API's body limit.</summary>
    public const int MaxFileBytes = IngestLimits.MaxBodyBytes;

    /// <summary>Reads, checks and stores <paramref name="file"/>.</summary>
    public Task<SpreadsheetImportResult> ImportAsync(RecordKind kind, ReadOnlyMemory<byte> file, CancellationToken cancellationToken) => kind switch
    {
        RecordKind.Shipments => ImportAsync(IngestKinds.Shipments, file, cancellationToken),
        _ => ImportAsync(IngestKinds.InvoiceApplications, file, cancellationToken),
    };

    private async Task<SpreadsheetImportResult> ImportAsync<TDto, T>(IngestKind<TDto, T> kind, ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
        where TDto : class
        where T : class
    {
        if (file.Length > MaxFileBytes)
        {
            return SpreadsheetImportResult.Refused(new SpreadsheetProblem(SpreadsheetProblemKind.TooLarge));
        }

        if (SpreadsheetBatch.Read(file, kind, time.GetUtcNow(), out var problem) is not var (batch, rows))
        {
            return SpreadsheetImportResult.Refused(problem!);
        }

        var stored = await ingestion.StoreAsync(kind, batch, cancellationToken);
        return new SpreadsheetImportResult(null, batch.Total, stored?.Accepted ?? 0, stored?.Duplicates ?? 0,
            [.. batch.Rejected.Select(rejection => new RowRejection(rows[rejection.Index], rejection.Problems))], Unavailable: stored is null);
    }
}

/// <summary>What an import did.</summary>
/// <param name="Problem">Why the whole file was refused (then nothing was stored); null when its rows were checked.</param>
/// <param name="Rows">Records read (rows that are neither blank nor the header).</param>
/// <param name="Accepted">Records stored for the first time.</param>
/// <param name="Duplicates">Records that were stored already (by an earlier import or the API, or twice in this file).</param>
/// <param name="Rejected">Each invalid row, by its number in the spreadsheet, with every problem found in it.</param>
/// <param name="Unavailable">Storage was unavailable: the valid rows were not all stored; importing the same file again is safe.</param>
public sealed record SpreadsheetImportResult(SpreadsheetProblem? Problem, int Rows, int Accepted, int Duplicates, IReadOnlyList<RowRejection> Rejected,
    bool Unavailable = false)
{
    public static SpreadsheetImportResult Refused(SpreadsheetProblem problem) => new(problem, 0, 0, 0, []);
}

/// <summary>One invalid row: its number as the spreadsheet shows it, and what is wrong with it (fields and rules, never values).</summary>
public sealed record RowRejection(int Row, IReadOnlyList<RecordProblem> Problems);
