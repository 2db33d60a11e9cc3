namespace ChatPost.Bot.Storage;

/// <summary>
/// Where a callback's turn begins and ends, one round trip each. Entering claims the message, so that WeChat's
/// retries (concurrent or later, on any replica) run its turn once, and for the first copy also takes the user's
/// turn lock; leaving stores the reply for the other copies and releases the lock.
/// </summary>
public interface ITurnGate
{
    /// <summary>
    /// Claims the message. <see cref="TurnEntry.IsFirst"/> is true for exactly one caller while the claim lives;
    /// the others get the stored reply, or <see langword="null"/> while the first turn still runs. The first caller
    /// also gets the user's turn lock when it was free (<see cref="TurnEntry.Lease"/>); when it was not, it must
    /// wait for it under <see cref="TurnKeys.LockName"/>. For a message the user wrote (<see cref="TurnKeys.UserWrote"/>),
    /// the first caller also stamps its time in the user's notification record, if they have one, and learns whether
    /// notifications wait for it (<see cref="TurnEntry.NotificationsWaiting"/>).
    /// </summary>
    /// <param name="turn">The message and its user.</param>
    /// <param name="trackingNumbers">
    /// The shipments the turn is expected to look up (normalised numbers; empty for none): a gate may take the lookup
    /// quota and read them while it enters, for the turn to find them without a round trip of its own.
    /// </param>
    /// <param name="inOneStep">
    /// True when the caller answers the message in one step if its conversation has no stored state (<c>IOneStepAnswers</c>),
    /// which reads and writes nothing of the conversation: the gate tells whether it may (<see cref="TurnEntry.InOneStep"/>),
    /// and may then let it in without the user's turn lock, when no turn of the user is running.
    /// </param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<TurnEntry> EnterAsync(TurnKeys turn, IReadOnlyList<string> trackingNumbers, bool inOneStep, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the reply of a claimed message for later copies, replacing the claim, and releases
    /// <paramref name="lease"/> (when given) in the same round trip; forgets what was read on the way in for the turn.
    /// </summary>
    Task LeaveAsync(TurnKeys turn, string reply, LockLease? lease, CancellationToken cancellationToken);

    /// <summary>The stored reply, or <see langword="null"/> while the turn runs or when the message is unknown.</summary>
    Task<string?> GetReplyAsync(TurnKeys turn, CancellationToken cancellationToken);
}

/// <summary>One inbound message of one user on one channel.</summary>
/// <param name="DedupeKey">What WeChat's retries of the message share (<c>InboundMessage.DedupeKey</c>).</param>
/// <param name="UserWrote">
/// True for a message the user sent, false for an event (a follow, a menu click): only a message opens WeChat's 48-hour
/// customer-service window.
/// </param>
public readonly record struct TurnKeys(string ChannelId, string UserId, string DedupeKey, bool UserWrote = true)
{
    /// <summary>The lock that lets one turn of this user run at a time, across replicas.</summary>
    public string LockName => $"turn:{ChannelId}:{{{UserId}}}";

    /// <summary>
    /// Bot Builder's storage key of the conversation's state (ConversationState: <c>{channel}/conversations/{id}</c>;
    /// a WeChat conversation is its user): what a turn reads first, so the gate may read it on the way in.
    /// </summary>
    public string ConversationStateKey => $"{ChannelId}/conversations/{UserId}";
}

/// <param name="IsFirst">True when this caller claimed the message and must run its turn.</param>
/// <param name="Reply">For a later copy: the first copy's reply, or null while that turn is still running.</param>
/// <param name="Lease">For the first copy: the user's turn lock when it could be taken at once.</param>
/// <param name="NotificationsWaiting">For the first copy of a message: notifications were kept for the user's next message.</param>
/// <param name="InOneStep">
/// For the first copy of a message entered to be answered in one step: the conversation has no stored state (no dialog
/// waits, no topic), so the bot may answer it so (<c>IOneStepAnswers</c>). <paramref name="Lease"/> is then the user's lock
/// if the gate took it, or null: on Redis such an answer runs without it, no turn of the user running when it entered.
/// </param>
public readonly record struct TurnEntry(bool IsFirst, string? Reply, LockLease? Lease = null, bool NotificationsWaiting = false,
    bool InOneStep = false);
