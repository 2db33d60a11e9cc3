namespace ChatPost.Bot.Channels;

/// <summary>
/// How a channel carries what one turn says, beyond the passive answer to its callback: which of the replies said
/// before the deadline make that answer, where the others and every later one go, and what the end of a late turn
/// means. The Official Account and the WeCom app answer with the first reply and send the rest through their API
/// (<see cref="LateReplyOutbox"/>); the 智能机器人 answers with all of them in one stream and streams the rest.
/// </summary>
public interface ITurnDelivery
{
    /// <summary>
    /// The passive reply made of <paramref name="said"/> (what the turn said on time; never empty), and what must go the late
    /// way: by default the first reply answers, the rest go late (one message per passive answer).
    /// </summary>
    (OutboundReply Passive, IReadOnlyList<OutboundReply> Late) SplitOnTime(IReadOnlyList<OutboundReply> said)
    {
        ArgumentNullException.ThrowIfNull(said);
        return (said[0], said.Count == 1 ? [] : [.. said.Skip(1)]);
    }

    /// <summary>Sends replies that missed the passive answer, in the order said.</summary>
    Task SendLateAsync(IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken);

    /// <summary>A turn that missed its deadline has ended: everything it said went to <see cref="SendLateAsync"/> already.</summary>
    Task EndLateAsync(CancellationToken cancellationToken);
}
