using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatPost.Bot.Ingestion;

/// <summary>
/// The shapes of the contract's codes and times, with the normalisation applied before checking them. Lookups use
/// the same normalisers, so that what a citizen types finds what was ingested.
/// </summary>
internal static partial class FieldRules
{
    /// <summary>
    /// An UPU S10 number (two letters, nine digits, two letters; the check digit is not verified here) or a 13-digit
    /// domestic number, upper case with every white space removed; null when it has neither shape.
    /// </summary>
    public static string? NormaliseTrackingNo(string? raw) => Normalise(raw, TrackingNoShape());

    /// <summary><c>FP</c> and 14 digits, upper case without white space; null otherwise.</summary>
    public static string? NormaliseApplicationNo(string? raw) => Normalise(raw, ApplicationNoShape());

    /// <summary>15 to 20 digits or capital letters (a unified social credit code or an older tax ID); null otherwise.</summary>
    public static string? NormaliseTaxpayerId(string? raw) => Normalise(raw, TaxpayerIdShape());

    /// <summary>A mainland mobile number: 11 digits starting with 1, white space removed; null otherwise.</summary>
    public static string? NormalisePhone(string? raw) => Normalise(raw, PhoneShape());

    /// <summary>
    /// Parses an ISO 8601 date and time that carries its offset (<c>Z</c> or <c>±hh:mm</c>); a time without one is
    /// refused rather than guessed.
    /// </summary>
    public static bool TryParseTime(string? raw, out DateTimeOffset time)
    {
        time = default;
        return raw is not null && raw.Length <= IngestLimits.MaxCodeLength && TimeShape().IsMatch(raw)
            && DateTimeOffset.TryParse(raw.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static string? Normalise(string? raw, Regex shape)
    {
        if (raw is null || raw.Length > IngestLimits.MaxCodeLength)
        {
            return null;
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        var value = builder.ToString();
        return shape.IsMatch(value) ? value : null;
    }

    // [0-9] rather than \d, which would also match Arabic-Indic and full-width digits.
    [GeneratedRegex("^(?:[A-Z]{2}[0-9]{9}[A-Z]{2}|[0-9]{13})$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingNoShape();

    [GeneratedRegex("^FP[0-9]{14}$", RegexOptions.CultureInvariant)]
    private static partial Regex ApplicationNoShape();

    [GeneratedRegex("^[0-9A-Z]{15,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TaxpayerIdShape();

    [GeneratedRegex("^1[0-9]{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,7})?)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeShape();
}
