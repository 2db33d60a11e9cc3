using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Knowledge;

/// <summary>The knowledge base's storage and propagation. Section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// How often each replica checks the store's revision and, when it moved, rebuilds its index in the background.
    /// A change made on any replica answers on every replica within this plus the rebuild (milliseconds). Default 1 s;
    /// 100 ms to 4 s (the promise is 5 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:00:04")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many versions of each entry are kept (and can be reverted to), newest first. Default 100; 2 to 10,000.</summary>
    [Range(2, 10_000)]
    public int HistoryLength { get; set; } = 100;

    /// <summary>
    /// How long the questions the bot could not answer are kept (counted per day; a day's counts go when it is this old).
    /// Default 90 days; 1 to 366 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "366.00:00:00")]
    public TimeSpan UnansweredRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The most distinct unanswered questions counted per day; more are dropped (already counted ones still count), so made-up
    /// messages cannot grow the list without end. Default 10,000; 100 to 1,000,000.
    /// </summary>
    [Range(100, 1_000_000)]
    public int UnansweredPerDay { get; set; } = 10_000;
}
