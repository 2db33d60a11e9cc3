namespace ChatPost.Bot.Broadcasts;

/// <summary>How the delivery of one broadcast to one group went so far.</summary>
/// <param name="PartsSent">How many of the broadcast's parts arrived: a retry resumes after them.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="Error">The last error (an errcode and its meaning), for the report.</param>
/// <param name="MayHaveDuplicate">A timeout left it unclear whether a part arrived before it was sent again.</param>
public sealed record DeliveryState(DeliveryStatus Status, int PartsSent, int Attempts, string? Error, DateTimeOffset? SentAt, bool MayHaveDuplicate = false)
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
