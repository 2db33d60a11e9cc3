using System.Text.RegularExpressions;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// Finds the codes in a (folded) message: tracking numbers, invoice application numbers, taxpayer IDs and mobile phones.
/// </summary>
/// <remarks>
/// A code is read from a chunk: runs of ASCII letters and digits ("groups") joined by one to three spaces or dashes,
/// because citizens split long numbers (<c>EB 111 222 332 CN</c>, <c>138-0000-1234</c>) but do not break them with
/// Chinese text or punctuation. Within a chunk, from the left, the longest run of groups that reads as a code is taken.
/// A group that is a code by itself is never glued to its neighbours: <c>13800001234 12</c> is a phone and a 12, not a
/// 13-digit item number.
/// </remarks>
internal static partial class CodeRecognizer
{
    private const int MaxGroups = 16;
    private const int MaxCodeLength = 20;

    /// <summary>The codes of <paramref name="text"/>. <paramref name="taxContext"/>: the message speaks of taxes or invoices,
    /// which is what makes a bare run of 15 to 20 digits a taxpayer ID rather than a resident ID or a bank card.</summary>
    public static CodeFindings Find(string text, bool taxContext)
    {
        var findings = new CodeFindings();
        foreach (var match in Chunk().EnumerateMatches(text))
        {
            ScanChunk(text.AsSpan(match.Index, match.Length), taxContext, findings);
        }

        return findings;
    }

    private static void ScanChunk(ReadOnlySpan<char> chunk, bool taxContext, CodeFindings findings)
    {
        var plus = chunk[0] == '+';
        Span<Range> groups = stackalloc Range[MaxGroups];
        var count = SplitGroups(chunk, groups);
        Span<char> code = stackalloc char[MaxCodeLength];
        Span<bool> isCodeAlone = stackalloc bool[count];
        for (var k = 0; k < count; k++)
        {
            var length = Compact(chunk, groups[k..(k + 1)], code);
            isCodeAlone[k] = length > 0 && Classify(code[..length], CountryCodeMayLead(chunk, groups[k], plus && k == 0), taxContext).Kind != CodeKind.None;
        }

        var i = 0;
        while (i < count)
        {
            var next = i + 1;
            for (var j = count - 1; j >= i; j--)
            {
                if (j > i && isCodeAlone[i..(j + 1)].Contains(true))
                {
                    continue;
                }

                var length = Compact(chunk, groups[i..(j + 1)], code);
                var read = length > 0 ? Classify(code[..length], CountryCodeMayLead(chunk, groups[i], plus && i == 0), taxContext) : default;
                if (read.Kind != CodeKind.None)
                {
                    Record(read, code[..length], findings);
                    next = j + 1;
                    break;
                }
            }

            i = next;
        }
    }

    private static int SplitGroups(ReadOnlySpan<char> chunk, Span<Range> groups)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i <= chunk.Length; i++)
        {
            var inGroup = i < chunk.Length && char.IsAsciiLetterOrDigit(chunk[i]);
            if (inGroup && start < 0)
            {
                start = i;
            }
            else if (!inGroup && start >= 0)
            {
                groups[count++] = start..i;
                start = -1;
            }
        }

        return count;
    }

    /// <summary>The groups upper-cased and joined without separators into <paramref name="code"/>; 0 when too long for any code.</summary>
    private static int Compact(ReadOnlySpan<char> chunk, ReadOnlySpan<Range> groups, Span<char> code)
    {
        var length = 0;
        foreach (var group in groups)
        {
            var part = chunk[group];
            if (length + part.Length > code.Length)
            {
                return 0;
            }

            length += part.ToUpperInvariant(code[length..]);
        }

        return length;
    }

    /// <summary>"+86 …", or a group that is exactly 86 ("86 138 0000 1234"): a leading 86 is China's country code.</summary>
    private static bool CountryCodeMayLead(ReadOnlySpan<char> chunk, Range firstGroup, bool afterPlus) =>
        afterPlus || chunk[firstGroup] is "86";

    private static void Record(CodeRead read, ReadOnlySpan<char> code, CodeFindings findings)
    {
        switch (read.Kind)
        {
            case CodeKind.Phone:
                findings.Phone ??= new string(code[read.Skip..]);
                break;
            case CodeKind.S10 or CodeKind.Domestic:
                var kind = read.Kind is CodeKind.S10 ? TrackingNumberKind.S10 : TrackingNumberKind.Domestic;
                findings.Add(new TrackingNumber(new string(code), kind, read.IsCheckValid));
                break;
            case CodeKind.InvoiceApplication:
                findings.InvoiceApplicationNo ??= new string(code);
                break;
            case CodeKind.UnifiedCode or CodeKind.LegacyTaxpayerId:
                findings.TaxpayerId ??= new TaxpayerId(new string(code), read.Kind is CodeKind.UnifiedCode, read.IsCheckValid);
                break;
        }
    }

    [GeneratedRegex(@"\+?[A-Za-z0-9]+(?:[ \t\-\u2010-\u2015]{1,3}[A-Za-z0-9]+){0,15}", RegexOptions.CultureInvariant)]
    private static partial Regex Chunk();
}
