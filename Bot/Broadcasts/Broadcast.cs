namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// A message to staff groups: what each group receives (its parts, in order), to which groups, from whom, and
/// when. Immutable once accepted; how each delivery went is kept apart in <see cref="DeliveryState"/>s.
/// </summary>
/// <param name="Id">Sortable by creation time (<c>b</c> + UTC timestamp + random suffix).</param>
/// <param name="RequestedBy">The manager's UserID; null for the admin-key operator and for announcements.</param>
/// <param name="Origin"><c>chat</c>, <c>api</c> or <c>announcement</c>.</param>
/// <param name="At">When it is due; null when sent at once.</param>
public sealed record Broadcast(
    string Id,
    string? RequestedBy,
    string Origin,
    string Title,
    IReadOnlyList<BroadcastPart> Parts,
    IReadOnlyList<string> GroupIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? At);

/// <summary>One message of a broadcast: text or markdown content, or a PNG/JPG image (base64).</summary>
public sealed record BroadcastPart(BroadcastPartKind Kind, string? Content, string? ImageBase64 = null)
{
    public static BroadcastPart Text(string content) => new(BroadcastPartKind.Text, content);

    public static BroadcastPart Markdown(string content) => new(BroadcastPartKind.Markdown, content);

    public static BroadcastPart Image(ReadOnlySpan<byte> png) => new(BroadcastPartKind.Image, null, Convert.ToBase64String(png));
}

public enum BroadcastPartKind
{
    Text,
    Markdown,
    Image,
}

/// <summary>Where a broadcast as a whole stands.</summary>
public enum BroadcastState
{
    /// <summary>Waiting for its time; may still be cancelled.</summary>
    Scheduled,

    /// <summary>Released to delivery; the deliveries tell the rest.</summary>
    Sending,

    /// <summary>Cancelled before its time: nothing was sent.</summary>
    Cancelled,
}
