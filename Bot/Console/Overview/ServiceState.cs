namespace ChatPost.Bot.Console.Overview;

/// <summary>How the service stands, for the overview: its parts, its queues, and the last announcement of each group.</summary>
/// <param name="Redis">Null in the embedded mode (no Redis).</param>
public sealed record ServiceState(
    PartHealth? Redis,
    PartHealth Scheduler,
    long? BroadcastBacklog,
    long? LateReplyBacklog,
    IReadOnlyList<GroupAnnouncement> Announcements);

/// <summary>One part's health check: whether it is ready, and what it said.</summary>
public sealed record PartHealth(bool Ready, string? Description);

/// <summary>
/// The latest daily announcement that went to one group, and how its delivery there went; null fields when none
/// was sent in the broadcasts the console looked at.
/// </summary>
public sealed record GroupAnnouncement(string GroupId, string GroupName, string? City, string? BroadcastId, string? Title,
    DateTimeOffset? CreatedAt, string? State, string? Error);
