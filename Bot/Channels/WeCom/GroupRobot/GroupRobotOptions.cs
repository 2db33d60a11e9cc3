using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>
/// WeCom group robots (群机器人): where their webhook is, and how ChatPost paces and retries its sends. Section
/// <c>WeCom</c>, which it shares with the WeCom app's settings (bound elsewhere). The webhook keys themselves are
/// secrets and are configured per staff group, not here.
/// </summary>
public sealed class GroupRobotOptions
{
    public const string SectionName = "WeCom";

    /// <summary>
    /// The webhook's URL, to which <c>?key=…</c> is added. Default
    /// <c>https://qyapi.weixin.qq.com/cgi-bin/webhook/send</c>; an absolute http(s) URL without query or fragment
    /// (tests point it at a local fake).
    /// </summary>
    [Required]
    [WebhookUrl]
    public Uri WebhookBaseUrl { get; set; } = new("https://qyapi.weixin.qq.com/cgi-bin/webhook/send");

    /// <summary>
    /// Messages each robot may send in a rolling minute, counted across all replicas. Default 20 (WeCom's own
    /// limit; beyond it WeCom answers 45009); 1 to 20.
    /// </summary>
    [Range(1, 20)]
    public int RobotMessagesPerMinute { get; set; } = 20;

    /// <summary>
    /// How often a message part is sent again after HTTP 5xx, a timeout, a lost connection, errcode 45009 or
    /// -1. Default 3; 0 (no retries) to 10.
    /// </summary>
    [Range(0, 10)]
    public int RobotMaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The wait before the first retry, doubled for each further one (2 s, 4 s, 8 s by default). Default 2 s;
    /// 0.1 s to 1 minute. After 45009 the wait also lasts until the robot's minute has room again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RobotRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one POST may take before it counts as timed out (WeCom may still have received it, so a retry can
    /// duplicate the part; see <see cref="RobotSendResult.Ambiguous"/>). Default 10 s; 1 s to 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RobotRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
