using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Channels;

/// <summary>How replies that missed the passive window are sent. Section <c>LateReplies</c>.</summary>
public sealed class LateReplyOptions
{
    public const string SectionName = "LateReplies";

    /// <summary>The wait before a reply that WeChat could not take is tried again (also: before a dead replica's is taken over). Default 30 s; 1 s to 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a reply keeps being tried while WeChat is unreachable or busy. Default 47 hours: inside WeChat's
    /// 48-hour customer-service window, after which it refuses anyway; 1 minute to 48 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(47);

    /// <summary>Replies being sent at once in this replica (one per user at a time). Default 32; 1 to 1024.</summary>
    [Range(1, 1024)]
    public int MaxConcurrent { get; set; } = 32;

    /// <summary>How often an idle replica looks for replies to send. Default 100 ms; 10 ms to 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
