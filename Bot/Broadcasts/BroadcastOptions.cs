using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Broadcasts;

/// <summary>How broadcasts are delivered. Section <c>Broadcasts</c>.</summary>
public sealed class BroadcastOptions
{
    public const string SectionName = "Broadcasts";

    /// <summary>
    /// Failed attempts (each already retried by the robot client) after which a delivery is given up and
    /// reported failed. Default 8; 1 to 100.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a taken delivery may go unacknowledged before another replica (or this one) takes it over:
    /// the wait before a retry, and the time to notice a dead replica. Default 30 s; 1 s to 1 h.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries in progress at once in this replica (one per group at a time). Default 64; 1 to 1024.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentDeliveries { get; set; } = 64;

    /// <summary>How often an idle replica looks for new deliveries. Default 100 ms; 10 ms to 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
