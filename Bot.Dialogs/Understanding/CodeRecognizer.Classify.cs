using System.Buffers;

namespace ChatPost.Bot.Dialogs.Understanding;

internal static partial class CodeRecognizer
{
    private static readonly SearchValues<char> UnifiedCodeChars = SearchValues.Create(CheckCharacters.UnifiedCodeAlphabet);

    private enum CodeKind
    {
        None,
        Phone,
        S10,
        Domestic,
        InvoiceApplication,
        UnifiedCode,
        LegacyTaxpayerId,
    }

    /// <param name="Skip">For a phone, the length of the country code in front of it.</param>
    private readonly record struct CodeRead(CodeKind Kind, bool IsCheckValid = true, int Skip = 0);

    /// <summary>What <paramref name="code"/> (upper case, no separators) is, if anything. The kinds have distinct shapes
    /// except a 13-digit run, which is a phone only behind a country code and otherwise an item number.</summary>
    private static CodeRead Classify(ReadOnlySpan<char> code, bool countryCodeMayLead, bool taxContext)
    {
        if (code.Length == 15 && code.StartsWith("0086") && IsMobile(code[4..]))
        {
            return new(CodeKind.Phone, Skip: 4);
        }

        if (code.Length == 13 && countryCodeMayLead && code.StartsWith("86") && IsMobile(code[2..]))
        {
            return new(CodeKind.Phone, Skip: 2);
        }

        return code.Length switch
        {
            11 when IsMobile(code) => new(CodeKind.Phone),
            13 when IsS10(code) => new(CodeKind.S10, CheckCharacters.S10CheckDigit(code[2..10]) == code[10]),
            13 when AllDigits(code) => new(CodeKind.Domestic),
            16 when code.StartsWith("FP") && AllDigits(code[2..]) => new(CodeKind.InvoiceApplication),
            >= 15 and <= MaxCodeLength => ClassifyTaxpayerId(code, taxContext),
            _ => default,
        };
    }

    /// <remarks>
    /// A unified code whose check character is right, or that has a letter before it (91420100MA4K12345K), is a taxpayer
    /// ID wherever it stands. A run of digits (perhaps with a letter or two) is one only when the message speaks of taxes:
    /// otherwise it is more likely a resident ID or a bank card. Such an 18-character run is a legacy ID when it carries a
    /// valid resident-ID check, and otherwise a unified code with a wrong check character.
    /// </remarks>
    private static CodeRead ClassifyTaxpayerId(ReadOnlySpan<char> code, bool taxContext)
    {
        if (code.Length == 18 && IsUnifiedCodeShape(code))
        {
            var checkValid = CheckCharacters.UnifiedCodeCheck(code[..17]) == code[17];
            if (checkValid || code[..17].ContainsAnyInRange('A', 'Z'))
            {
                return new(CodeKind.UnifiedCode, checkValid);
            }

            if (!taxContext)
            {
                return default;
            }

            return CheckCharacters.ResidentIdCheck(code[..17]) == code[17]
                ? new(CodeKind.LegacyTaxpayerId)
                : new(CodeKind.UnifiedCode, IsCheckValid: false);
        }

        // Groups hold only ASCII letters and digits, upper-cased: "mostly digits" is all that is left to check.
        return taxContext && CountDigits(code) >= code.Length - 2 ? new(CodeKind.LegacyTaxpayerId) : default;
    }

    private static bool IsMobile(ReadOnlySpan<char> digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && AllDigits(digits);

    private static bool IsS10(ReadOnlySpan<char> code) =>
        char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) && AllDigits(code[2..11])
        && char.IsAsciiLetter(code[11]) && char.IsAsciiLetter(code[12]);

    /// <summary>GB 32100 layout: registration authority, organisation type, a 6-digit area code, then 10 code characters.</summary>
    private static bool IsUnifiedCodeShape(ReadOnlySpan<char> code) =>
        AllDigits(code[2..8]) && !code.ContainsAnyExcept(UnifiedCodeChars);

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return count;
    }
}
