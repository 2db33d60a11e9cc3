namespace ChatPost.Bot.Storage;

/// <summary>How long claims and replies live, for both implementations of <see cref="ITurnGate"/>.</summary>
internal static class TurnGateTimes
{
    /// <summary>
    /// A claim outlives WeChat's whole retry window (three tries over about 15 s) with room to spare; if its
    /// holder dies, the claim frees itself after this.
    /// </summary>
    public static readonly TimeSpan Claim = TimeSpan.FromSeconds(30);

    /// <summary>A turn that holds its user's lock longer than this is presumed dead; the next turn may start.</summary>
    public static readonly TimeSpan TurnLock = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A reply is kept for WeChat's retries, which all come within ~15 s, with four times that to spare. Not longer:
    /// every answer is held this long in Redis (~650 bytes each), ~0.5 GB a minute at 12,000 messages/s.
    /// </summary>
    public static readonly TimeSpan Reply = TimeSpan.FromMinutes(1);

    /// <summary>The stored value of a claim whose turn still runs; no reply can equal it.</summary>
    public const string Pending = "\0pending";
}
