namespace ChatPost.Bench.Callback.Generator;

/// <summary>S10 item numbers (EA + 8-digit serial + check digit + CN) with a valid check digit, as citizens send them.</summary>
internal static class TrackingNumbers
{
    private static readonly int[] Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    /// <summary>The <paramref name="index"/>-th number of the bench; the same index always gives the same number.</summary>
    public static string Create(int index)
    {
        var serial = (20_000_000 + index).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
        return $"EA{serial}{CheckDigit(serial)}CN";
    }

    // UPU S10: weights 8,6,4,2,3,5,9,7, then 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5.
    private static char CheckDigit(string serial)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (serial[i] - '0') * Weights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => '0',
            11 => '5',
            var digit => (char)('0' + digit),
        };
    }
}
