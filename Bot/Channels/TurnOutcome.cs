using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels;

/// <summary>What <see cref="WeChatAdapter.ProcessAsync"/> hands back to the callback.</summary>
/// <param name="Reply">The passive reply, or null when the turn said nothing in time.</param>
/// <param name="LeaseToRelease">The user's turn lock when the turn has ended: the caller releases it with its answer.</param>
public readonly record struct TurnOutcome(OutboundReply? Reply, LockLease? LeaseToRelease);
