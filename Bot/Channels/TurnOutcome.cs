using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels;

/// <summary>What <see cref="WeChatAdapter.ProcessAsync"/> hands back to the callback.</summary>
/// <param name="Reply">The passive reply, or null when the turn said nothing in time.</param>
/// <param name="LeaseToRelease">The user's turn lock when the turn has ended: the caller releases it with its answer.</param>
/// <param name="OnTime">True when the turn ended before its deadline (then a null <paramref name="Reply"/> means it said nothing).</param>
public readonly record struct TurnOutcome(OutboundReply? Reply, LockLease? LeaseToRelease, bool OnTime = true);
