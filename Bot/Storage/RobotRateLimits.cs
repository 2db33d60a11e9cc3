using System.Buffers;

namespace ChatPost.Bot.Storage;

/// <summary>What both <see cref="IRobotRateLimiter"/> twins share.</summary>
internal static class RobotRateLimits
{
    /// <summary>
    /// WeCom counts a robot's messages per minute as they arrive; the limiter counts them as they leave. The extra
    /// second keeps a message that travels faster than the one sent a minute before it from arriving 21st.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    public static readonly long WindowMilliseconds = (long)Window.TotalMilliseconds;

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>A guard against a webhook key (a secret) ever being stored as a limiter key.</summary>
    public static void ThrowIfNotKeyHash(string webhookKeyHash, int messagesPerMinute)
    {
        ArgumentNullException.ThrowIfNull(webhookKeyHash);
        if (webhookKeyHash.Length != 64 || webhookKeyHash.AsSpan().ContainsAnyExcept(LowerHex))
        {
            throw new ArgumentException("Expected the lower-case hex SHA-256 of a webhook key, never the key itself.", nameof(webhookKeyHash));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerMinute, 1);
    }
}
