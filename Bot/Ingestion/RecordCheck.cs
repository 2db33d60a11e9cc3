using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>The shape of <see cref="PostalNames"/>'s <c>TryParse</c> overloads.</summary>
internal delegate bool WireNameParser<T>(string? wire, out T value);

/// <summary>
/// Collects what is wrong with one record, field by field, as <see cref="RecordProblem"/>s: the field and the rule,
/// never the value (values can be personal data, and the first reason is logged).
/// </summary>
internal sealed class RecordCheck(DateTimeOffset now)
{
    private readonly List<RecordProblem> _problems = [];

    public bool IsValid => _problems.Count == 0;

    /// <summary>Every problem found, in the order the fields were checked.</summary>
    public IReadOnlyList<RecordProblem> Problems => _problems;

    public void Fail(string field, RecordRule rule, int limit = 0) => _problems.Add(new RecordProblem(field, rule, limit));

    /// <summary>A required string: present, and not only white space.</summary>
    public bool Require(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, RecordRule.Required);
            return false;
        }

        return true;
    }

    /// <summary>A required wire name (business, status) that <paramref name="parse"/> knows; null when missing or unknown.</summary>
    public T? Name<T>(string field, string? value, WireNameParser<T> parse, RecordRule rule) where T : struct
    {
        if (!Require(field, value))
        {
            return null;
        }

        if (!parse(value, out var parsed))
        {
            Fail(field, rule);
            return null;
        }

        return parsed;
    }

    /// <summary>A required city: one of the seventeen branches, spelt exactly.</summary>
    public string? City(string field, string? value)
    {
        if (Require(field, value) && !Cities.IsCity(value))
        {
            Fail(field, RecordRule.NotACity);
        }

        return value;
    }

    /// <summary>A required code in the shape <paramref name="normalise"/> accepts; null when missing or malformed.</summary>
    public string? Code(string field, string? value, Func<string?, string?> normalise, RecordRule rule)
    {
        if (!Require(field, value))
        {
            return null;
        }

        var code = normalise(value);
        if (code is null)
        {
            Fail(field, rule);
        }

        return code;
    }

    /// <summary>An optional code: absent (null, empty or white space) is null without complaint.</summary>
    public string? OptionalCode(string field, string? value, Func<string?, string?> normalise, RecordRule rule) =>
        string.IsNullOrWhiteSpace(value) ? null : Code(field, value, normalise, rule);

    /// <summary>Optional free text up to <paramref name="maxLength"/> characters, kept as sent; empty or white space is null.</summary>
    public string? Text(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            Fail(field, RecordRule.TooLong, maxLength);
        }

        return value;
    }

    /// <summary>A required time with its offset, from 2000 up to a day ahead of now.</summary>
    public DateTimeOffset Time(string field, string? value)
    {
        if (!Require(field, value))
        {
            return default;
        }

        if (!FieldRules.TryParseTime(value, out var time))
        {
            Fail(field, RecordRule.TimeShape);
        }
        else if (time < IngestLimits.EarliestTime || time > now + IngestLimits.MaxFutureSkew)
        {
            Fail(field, RecordRule.TimeOutOfRange);
        }

        return time;
    }
}
