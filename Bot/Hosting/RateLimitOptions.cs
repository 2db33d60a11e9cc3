using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Hosting;

/// <summary>Request limits of the APIs that carry bearer keys, per client address and replica. Section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Ingestion requests (batches) per client per minute. Default 600; 1 to 100000.</summary>
    [Range(1, 100_000)]
    public int IngestPerMinute { get; set; } = 600;

    /// <summary>Admin API requests per client per minute. Default 120; 1 to 100000.</summary>
    [Range(1, 100_000)]
    public int AdminPerMinute { get; set; } = 120;

    /// <summary>
    /// Failed console sign-ins (a wrong admin key, a bad WeCom code) per client per minute before every sign-in from
    /// that client is refused for the rest of the minute. Default 5; 1 to 1000.
    /// </summary>
    [Range(1, 1000)]
    public int ConsoleSignInFailuresPerMinute { get; set; } = 5;
}
