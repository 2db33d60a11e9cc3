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

    /// <summary>True when a Redis server is configured; false in the embedded in-memory mode.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
