namespace ChatPost.Bot.Storage;

/// <summary>
/// Makes WeChat's retries idempotent: the first copy of a message claims it and runs the turn; every other
/// copy, on any replica, gets the reply that the first one produced.
/// </summary>
public interface IReplyCache
{
    /// <summary>
    /// Claims the message. <see cref="ReplyClaim.IsFirst"/> is true for exactly one caller while the claim
    /// lives; the others see the stored reply, or <see langword="null"/> while the first turn still runs.
    /// </summary>
    Task<ReplyClaim> ClaimAsync(string channelId, string dedupeKey, CancellationToken cancellationToken);

    /// <summary>Stores the reply of a claimed message for later copies, replacing the claim.</summary>
    Task CompleteAsync(string channelId, string dedupeKey, string reply, CancellationToken cancellationToken);

    /// <summary>The stored reply, or <see langword="null"/> while the turn runs or when the key is unknown.</summary>
    Task<string?> GetReplyAsync(string channelId, string dedupeKey, CancellationToken cancellationToken);
}

/// <param name="IsFirst">True when this caller claimed the message and must run its turn.</param>
/// <param name="Reply">For a later copy: the first copy's reply, or null while that turn is still running.</param>
public readonly record struct ReplyClaim(bool IsFirst, string? Reply);
