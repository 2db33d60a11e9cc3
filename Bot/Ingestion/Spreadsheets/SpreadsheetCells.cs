using System.Globalization;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion.Spreadsheets;

/// <summary>
/// What a city branch's spreadsheet writes differently from the JSON contract, turned into the contract's form before
/// the one validator sees it: Chinese names of business lines and states, a city with its 市 or 州, a time without an
/// offset (China time). Nothing is judged here: a value that matches none of these is passed on as written, and the
/// validator refuses it with its reason.
/// </summary>
internal static class SpreadsheetCells
{
    private static readonly string[] LocalTimes =
    [
        "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mm",
        "yyyy年M月d日 H:mm:ss", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm",
    ];

    private static readonly Dictionary<string, string> Names = BuildNames();

    /// <summary>The cell's text in the contract's form for <paramref name="field"/>; null when the cell is empty.</summary>
    public static string? Adapt(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        return field switch
        {
            "business" or "status" => Names.GetValueOrDefault(value, value),
            "city" => City(value),
            "time" => Time(value),
            _ => value,
        };
    }

    private static string City(string value)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["市", "州", "林区"])
        {
            if (!Cities.IsCity(value) && value.EndsWith(suffix, StringComparison.Ordinal) && Cities.IsCity(value[..^suffix.Length]))
            {
                return value[..^suffix.Length];
            }
        }

        return value;
    }

    private static string Time(string value) =>
        !FieldRules.TryParseTime(value, out _)
        && DateTime.TryParseExact(value, LocalTimes, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var local)
            ? SpreadsheetRows.Text(local)!
            : value;

    /// <summary>Chinese names (with or without their leading 已) of business lines and states, to their wire names.</summary>
    private static Dictionary<string, string> BuildNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string chinese, string wire)
        {
            names.TryAdd(chinese, wire);
            if (chinese.Length > 2 && chinese.StartsWith('已'))
            {
                names.TryAdd(chinese[1..], wire);
            }
        }

        foreach (var business in Enum.GetValues<Business>())
        {
            Add(PostalNames.ToChinese(business), PostalNames.ToWire(business));
        }

        foreach (var status in Enum.GetValues<ShipmentStatus>())
        {
            Add(PostalNames.ToChinese(status), PostalNames.ToWire(status));
        }

        foreach (var status in Enum.GetValues<InvoiceStatus>())
        {
            Add(PostalNames.ToChinese(status), PostalNames.ToWire(status));
        }

        return names;
    }
}
