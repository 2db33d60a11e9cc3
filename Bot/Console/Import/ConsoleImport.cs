using ChatPost.Bot.Audit;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Ingestion.Spreadsheets;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Console.Import;

/// <summary>
/// The import page's work for the person signed in: the uploaded spreadsheet goes through <see cref="SpreadsheetImport"/>
/// (the ingestion API's validator and store), and the import is logged and audited with its counts, never its rows.
/// </summary>
public sealed class ConsoleImport(SpreadsheetImport import, IAuditTrail audit, TimeProvider time, ILogger<ConsoleImport> logger)
{
    /// <summary>
    /// Largest upload request. Twice the largest file, so that a file somewhat too large is still read and answered with
    /// the page's reason; past this the server stops reading (400) rather than take whatever is sent.
    /// </summary>
    public const long MaxRequestBytes = 2L * SpreadsheetImport.MaxFileBytes;

    /// <summary>Imports <paramref name="file"/> as records of <paramref name="kind"/>.</summary>
    public async Task<SpreadsheetImportResult> ImportAsync(ConsoleUser user, RecordKind kind, IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var who = UserIds.Mask(user.Id);
        if (file.Length > SpreadsheetImport.MaxFileBytes)
        {
            return Refused(new SpreadsheetProblem(SpreadsheetProblemKind.TooLarge));
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, cancellationToken);
        var result = await import.ImportAsync(kind, content.GetBuffer().AsMemory(0, (int)content.Length), cancellationToken);
        if (result.Problem is { } problem)
        {
            return Refused(problem);
        }

        logger.Imported(kind, who, result.Rows, result.Accepted, result.Duplicates, result.Rejected.Count, result.Unavailable);
        try
        {
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), user.Id, AuditArea.Records, "imported", null, "console",
                ImportTexts.Summary(kind, file.FileName, result)), cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            logger.StorageUnavailable("auditing an import", exception); // the page says storage is down; the import is safe to repeat
        }

        return result;

        SpreadsheetImportResult Refused(SpreadsheetProblem problem)
        {
            logger.ImportRefused(kind, who, problem.Kind);
            return SpreadsheetImportResult.Refused(problem);
        }
    }
}
