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
}
