using System.Security.Cryptography;
using System.Text;

namespace ChatPost.Bot.Ingestion;

/// <summary>The bearer check of the ingestion API.</summary>
internal static class IngestApiKey
{
    private const string Scheme = "Bearer ";

    /// <summary>
    /// True when <paramref name="authorization"/> is <c>Bearer &lt;apiKey&gt;</c> (scheme in any case). The key is
    /// compared in constant time; false for a missing header, another scheme or an empty configured key.
    /// </summary>
    public static bool Matches(string? authorization, string apiKey)
    {
        if (apiKey.Length == 0 || authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hash both sides first: equal lengths, so the time taken says nothing about the key's length either.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization.AsSpan(Scheme.Length).Trim().ToString()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }
}
