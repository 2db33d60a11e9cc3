using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Notifications;

/// <summary>Citizens' watches and the notifications they get. Section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Items one user may watch at once. Default 5; 1 to 50.</summary>
    [Range(1, 50)]
    public int MaxWatchesPerUser { get; set; } = 5;

    /// <summary>How long a watch lasts when its item neither arrives nor goes back. Default 30 days; 1 hour to 180 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "180.00:00:00")]
    public TimeSpan WatchLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after a user's message a customer-service message may reach them: WeChat's window (48 hours, WECHAT.md §2).
    /// Default 48 h; 1 s to 48 h (shorter only to test the other paths).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "2.00:00:00")]
    public TimeSpan CustomerServiceWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Notifications sent as customer-service messages after one user message. WeChat allows 5 in the window (45047
    /// beyond); the default 4 leaves one for a late answer to the user's next question. 1 to 20.
    /// </summary>
    [Range(1, 20)]
    public int CustomerServicePerMessage { get; set; } = 4;
}
