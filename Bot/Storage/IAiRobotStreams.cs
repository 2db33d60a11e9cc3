namespace ChatPost.Bot.Storage;

/// <summary>
/// The streams of the WeCom 智能机器人, shared by every replica (Redis) or kept in this process (the embedded twin):
/// WeCom polls a stream until it finishes, and any replica may get the poll (WECOM-ROBOT.md §4.4). Creating a stream
/// claims its message, so that a retried callback finds the same stream and never runs a second turn. The replica whose
/// turn runs a stream keeps it (<see cref="KeepAsync"/>); a refresh that finds a running stream nobody kept for
/// <see cref="OwnerLease"/> takes its turn over (its replica died with it) and runs it again from the message it kept.
/// </summary>
public interface IAiRobotStreams
{
    /// <summary>How many messages of one user may be in flight at once: WeCom's own limit (WECOM-ROBOT.md §6.1).</summary>
    public const int MaxInFlightPerUser = 3;

    /// <summary>How long WeCom polls a stream, from the user's message: its unfinished streams stop counting as in flight after this.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(6);

    /// <summary>How long a stream is kept: past its <see cref="Lifetime"/>, for late retries of its message.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a running stream's turn may go without keeping it (<see cref="KeepAsync"/>, every quarter of this) before
    /// a refresh presumes it died with its replica and runs it again: well past a Redis failover's few seconds, and well
    /// within the time a stream stays open.
    /// </summary>
    public static readonly TimeSpan OwnerLease = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Claims the stream of a new message, keeping <paramref name="turn"/> (what runs its turn again, should it die) until
    /// it finishes; the claimer then owns the stream for <see cref="OwnerLease"/>. <see cref="AiRobotClaimOutcome.New"/>: a running stream was created and
    /// counts as in flight for its user; <see cref="AiRobotClaimOutcome.Duplicate"/>: the stream exists (a retried
    /// callback), with its state; <see cref="AiRobotClaimOutcome.Busy"/>: the user had <see cref="MaxInFlightPerUser"/>
    /// streams in flight already, and the stream was created finished with <paramref name="busyNotice"/>.
    /// </summary>
    Task<AiRobotStreamClaim> ClaimAsync(AiRobotStreamKey stream, string busyNotice, string turn, CancellationToken cancellationToken);

    /// <summary>
    /// What a refresh shows: the stream's state, or null for a stream unknown here (expired, or never ours). A stream
    /// still running <paramref name="closeAfter"/> after its message is closed by this call (and reads
    /// <see cref="AiRobotStreamStatus.Closed"/>): its answer will go through the response_url instead. A running stream
    /// whose owner's lease ran out is taken over by this call (<see cref="AiRobotStreamState.Takeover"/>), its lease
    /// now the caller's: the caller must run the turn again.
    /// </summary>
    Task<AiRobotStreamState?> RefreshAsync(AiRobotStreamKey stream, TimeSpan closeAfter, CancellationToken cancellationToken);

    /// <summary>
    /// The turn of a running stream is alive: its owner's lease starts again. False when the stream no longer runs
    /// (finished, closed, gone): nothing needs keeping then.
    /// </summary>
    Task<bool> KeepAsync(AiRobotStreamKey stream, CancellationToken cancellationToken);

    /// <summary>Replaces the snapshot of a running stream; nothing happens to a finished, closed or unknown one.</summary>
    Task UpdateAsync(AiRobotStreamKey stream, string content, CancellationToken cancellationToken);

    /// <summary>
    /// Finishes a running stream with its final content and images (a JSON array of WeCom's <c>msg_item</c>, or null),
    /// and stops counting it as in flight. Returns false when the stream can no longer show it (closed by a refresh, or
    /// gone): the caller then sends the answer through the response_url, and is the only one told so.
    /// </summary>
    Task<bool> FinishAsync(AiRobotStreamKey stream, string content, string? images, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="FinishAsync"/> for a stream whose answer went out in the first reply (so nothing could have closed it),
    /// without waiting for storage to confirm it: retries of the message then find it finished.
    /// </summary>
    Task CompleteAsync(AiRobotStreamKey stream, string content, string? images);
}

/// <summary>One stream: its asker (whose hash tag its keys carry) and its id.</summary>
public readonly record struct AiRobotStreamKey(string UserId, string StreamId);

/// <summary>What a stream shows: running (a snapshot), finished (the answer), or closed (the answer goes through the response_url).</summary>
/// <param name="Images">The final images as a JSON array of WeCom's <c>msg_item</c>; null when none.</param>
/// <param name="Takeover">For a refresh that took over a dead turn: what runs it again.</param>
public sealed record AiRobotStreamState(AiRobotStreamStatus Status, string Content, string? Images = null, AiRobotTakeover? Takeover = null);

/// <summary>A stream's turn to run again: what <see cref="IAiRobotStreams.ClaimAsync"/> kept, and how many times it was taken over (1 the first).</summary>
public sealed record AiRobotTakeover(string Turn, int Attempt);

public enum AiRobotStreamStatus
{
    Running,
    Finished,
    Closed,
}

public enum AiRobotClaimOutcome
{
    New,
    Duplicate,
    Busy,
}

/// <param name="State">For a duplicate: the stream's state.</param>
public readonly record struct AiRobotStreamClaim(AiRobotClaimOutcome Outcome, AiRobotStreamState? State = null);
