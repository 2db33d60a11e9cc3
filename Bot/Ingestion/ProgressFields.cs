using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Ingestion;

/// <summary>The counter field <c>{city}|{business}|{status}</c> (wire names) and the order progress rows are returned in.</summary>
internal static class ProgressFields
{
    private static readonly Dictionary<string, int> CityOrder = Cities.All.Index().ToDictionary(city => city.Item, city => city.Index, StringComparer.Ordinal);

    public static string Format(string city, Business business, ShipmentStatus status) =>
        $"{city}|{PostalNames.ToWire(business)}|{PostalNames.ToWire(status)}";

    /// <summary>The row of one field; null for a field this version does not know (skipped, never an error).</summary>
    public static ProgressCount? ToCount(string field, long count)
    {
        var parts = field.Split('|');
        return parts.Length == 3 && Cities.IsCity(parts[0])
               && PostalNames.TryParse(parts[1], out Business business)
               && PostalNames.TryParse(parts[2], out ShipmentStatus status)
            ? new ProgressCount(parts[0], business, status, count)
            : null;
    }

    /// <summary>The non-zero rows in the province's city order, then business, then status.</summary>
    public static IReadOnlyList<ProgressCount> Sort(IEnumerable<ProgressCount> counts) =>
    [
        .. counts.Where(count => count.Count > 0)
            .OrderBy(count => CityOrder[count.City])
            .ThenBy(count => count.Business)
            .ThenBy(count => count.Status),
    ];
}
