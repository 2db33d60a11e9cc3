using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Storage;

/// <summary>Where shared state lives. Section <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// StackExchange.Redis configuration string (for example <c>redis:6379,password=…</c>, or a Sentinel
    /// <c>serviceName=</c> string). Empty (the default) runs the embedded in-memory mode: one process only.
    /// </summary>
    public string Configuration { get; set; } = "";

    /// <summary>
    /// Prefix of every key this service writes, so that environments can share a server. Default
    /// <c>chatpost:{environment}:</c> (lower case); must end with a colon.
    /// </summary>
    [RegularExpression(".*:$", ErrorMessage = "Redis:KeyPrefix must end with ':'.")]
    public string? KeyPrefix { get; set; }

    /// <summary>How long an idle conversation's state is kept. Default 30 days; 1 hour to 365 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan StateTimeToLive { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How many replicas must hold a write that has to survive a failover (an ingested batch, an accepted broadcast, an
    /// outbox entry) before ChatPost answers for it (Redis <c>WAIT</c>). Default: 1 with Sentinel (<c>serviceName=</c> in
    /// <see cref="Configuration"/>), otherwise 0 (no wait: a lone server has no replica). 0 to 5.
    /// </summary>
    [Range(0, 5)]
    public int? DurableWriteReplicas { get; set; }

    /// <summary>
    /// How long a durable write waits for <see cref="DurableWriteReplicas"/>; past it the write is answered anyway (it is
    /// on the primary) and logged. Default 1 second; 10 ms to 10 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan DurableWriteTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when a Redis server is configured; false in the embedded in-memory mode.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary><see cref="DurableWriteReplicas"/>, or its default for <see cref="Configuration"/>.</summary>
    public int ReplicasToAcknowledge => DurableWriteReplicas ?? (IsSentinel ? 1 : 0);

    private bool IsSentinel => IsConfigured && !string.IsNullOrEmpty(StackExchange.Redis.ConfigurationOptions.Parse(Configuration).ServiceName);
}
