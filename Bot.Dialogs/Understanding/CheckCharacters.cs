namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>The check characters of the numbers citizens send: UPU S10 items, GB 32100 codes and GB 11643 resident IDs.</summary>
internal static class CheckCharacters
{
    /// <summary>The characters of a unified social credit code (GB 32100-2015): no I, O, S, V or Z; a char's value is its index.</summary>
    public const string UnifiedCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static ReadOnlySpan<int> S10Weights => [8, 6, 4, 2, 3, 5, 9, 7];

    private static ReadOnlySpan<int> UnifiedCodeWeights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private static ReadOnlySpan<int> ResidentIdWeights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// The UPU S10 check digit of an 8-digit serial: weights 8,6,4,2,3,5,9,7, then 11 − (sum mod 11), where 10 becomes 0
    /// and 11 becomes 5. <paramref name="serial"/> must be 8 ASCII digits.
    /// </summary>
    public static char S10CheckDigit(ReadOnlySpan<char> serial)
    {
        var sum = 0;
        for (var i = 0; i < S10Weights.Length; i++)
        {
            sum += (serial[i] - '0') * S10Weights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => '0',
            11 => '5',
            var digit => (char)('0' + digit),
        };
    }

    /// <summary>
    /// The GB 32100-2015 check character of the first 17 characters of a unified social credit code: the weighted sum of
    /// the values, then 31 − (sum mod 31), where 31 becomes 0. Null when a character is outside <see cref="UnifiedCodeAlphabet"/>.
    /// </summary>
    public static char? UnifiedCodeCheck(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < UnifiedCodeWeights.Length; i++)
        {
            var value = UnifiedCodeAlphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            sum += value * UnifiedCodeWeights[i];
        }

        return UnifiedCodeAlphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// The GB 11643-1999 (ISO 7064 MOD 11-2) check character of the first 17 digits of an 18-character resident ID:
    /// one of 0-9 or X. Null when one of the 17 is not a digit.
    /// </summary>
    public static char? ResidentIdCheck(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < ResidentIdWeights.Length; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                return null;
            }

            sum += (first17[i] - '0') * ResidentIdWeights[i];
        }

        return "10X98765432"[sum % 11];
    }
}
