namespace ChatPost.Bot.Broadcasts;

/// <summary>How the delivery of one broadcast to one group went so far.</summary>
/// <param name="PartsSent">How many of the broadcast's parts arrived: a retry resumes after them.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="Error">The last error (an errcode and its meaning), for the report.</param>
/// <param name="MayHaveDuplicate">
/// It is unclear whether a part arrived before it was sent again: a timeout, or a part whose sending was never recorded.
/// </param>
/// <param name="Sending">
/// Recorded just before a part goes out: if no later record says how that went (the replica died, or Redis refused the
/// record mid-failover), the replica that takes over knows the group may have the part already.
/// </param>
public sealed record DeliveryState(DeliveryStatus Status, int PartsSent, int Attempts, string? Error, DateTimeOffset? SentAt, bool MayHaveDuplicate = false,
    bool Sending = false)
{
    public static readonly DeliveryState Pending = new(DeliveryStatus.Pending, 0, 0, null, null);

    public bool IsFinal => Status != DeliveryStatus.Pending;
}

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}
