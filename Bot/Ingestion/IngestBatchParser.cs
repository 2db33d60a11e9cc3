using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// Turns a posted body into valid records and rejections, record by record: a record with a wrong JSON type or a
/// bad value is rejected with its index while the others still count.
/// </summary>
internal static partial class IngestBatchParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// The batch, or null with the <paramref name="problem"/> that refuses the whole body: 400 when it is not JSON or
    /// not an array, 413 when the array has more than <see cref="IngestLimits.MaxRecords"/> elements.
    /// </summary>
    public static ParsedBatch<T>? Parse<TDto, T>(ReadOnlyMemory<byte> body, IngestKind<TDto, T> kind, DateTimeOffset now, out BatchProblem problem)
        where TDto : class
        where T : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        problem = default;
        body = WithoutByteOrderMark(body);
        // JsonDocument checks the encoding of a string only when it is read; check it all first so no record fails late.
        if (!Utf8.IsValid(body.Span))
        {
            problem = new BatchProblem(StatusCodes.Status400BadRequest, "The body is not UTF-8");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            problem = new BatchProblem(StatusCodes.Status400BadRequest, "The body is not valid JSON: expected an array of records");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                problem = new BatchProblem(StatusCodes.Status400BadRequest, "The body must be a JSON array of records");
                return null;
            }

            var total = root.GetArrayLength();
            if (total > IngestLimits.MaxRecords)
            {
                problem = new BatchProblem(StatusCodes.Status413PayloadTooLarge, $"At most {IngestLimits.MaxRecords} records per batch; split it");
                return null;
            }

            return CheckEach([.. root.EnumerateArray()], (element, check) => ReadRecord(element, kind, check), now);
        }
    }

    /// <summary>
    /// Checks records one by one, whatever they were read from (a JSON array, a spreadsheet's rows): each gets its own
    /// <see cref="RecordCheck"/>, and <paramref name="read"/> returns the valid record or leaves its problems in the check.
    /// Rejections carry the record's zero-based position in <paramref name="records"/>.
    /// </summary>
    public static ParsedBatch<T> CheckEach<TRecord, T>(IReadOnlyCollection<TRecord> records, Func<TRecord, RecordCheck, T?> read, DateTimeOffset now)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(read);
        var valid = new List<T>(records.Count);
        var rejected = new List<RecordRejection>();
        var index = 0;
        foreach (var source in records)
        {
            var check = new RecordCheck(now);
            var record = read(source, check);
            if (record is not null && check.IsValid)
            {
                valid.Add(record);
            }
            else
            {
                rejected.Add(new RecordRejection(index, check.Problems));
            }

            index++;
        }

        return new ParsedBatch<T>(valid, rejected, records.Count);
    }

    private static T? ReadRecord<TDto, T>(JsonElement element, IngestKind<TDto, T> kind, RecordCheck check)
        where TDto : class
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            check.Fail("record", RecordRule.NotAnObject);
            return null;
        }

        // A field the contract does not know is refused rather than ignored: a misspelt "recieverPhone" would
        // otherwise store a record without its phone, silently.
        foreach (var property in element.EnumerateObject())
        {
            if (!kind.JsonType.Properties.Any(known => known.Name == property.Name))
            {
                check.Fail(PlainField().IsMatch("$." + property.Name) ? property.Name : "a field", RecordRule.NotAField);
                return null;
            }
        }

        TDto? dto;
        try
        {
            dto = element.Deserialize(kind.JsonType);
        }
        catch (JsonException exception)
        {
            check.Fail(FieldOf(exception), RecordRule.NotAString);
            return null;
        }

        return dto is null ? null : kind.Validate(dto, check);
    }

    // "$.time" → "time". Only a plain identifier is repeated: the reason is logged, and a name is the sender's text.
    private static string FieldOf(JsonException exception) =>
        exception.Path is { } path && PlainField().Match(path) is { Success: true } match ? match.Groups[1].Value : "a field";

    [GeneratedRegex("^\\$\\.([A-Za-z]{1,32})$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainField();

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;
}

/// <summary>Why a whole body was refused: the status code and a short reason for the ProblemDetails.</summary>
internal readonly record struct BatchProblem(int Status, string Detail);

/// <summary>The valid records in their posted order, the rejections by index, and how many records were posted.</summary>
internal sealed record ParsedBatch<T>(IReadOnlyList<T> Valid, IReadOnlyList<RecordRejection> Rejected, int Total);

/// <summary>One invalid record: its zero-based position in the batch and every problem found in it.</summary>
internal sealed record RecordRejection(int Index, IReadOnlyList<RecordProblem> Problems)
{
    /// <summary>The problems as the ingestion API words them, separated by <c>; </c>.</summary>
    public string Reason => string.Join("; ", Problems.Select(problem => problem.ToEnglish()));
}
