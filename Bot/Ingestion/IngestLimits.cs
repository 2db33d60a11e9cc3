namespace ChatPost.Bot.Ingestion;

/// <summary>The limits of the ingestion contract, the same for every deployment (documented in the README).</summary>
internal static class IngestLimits
{
    /// <summary>Largest request body: 5 MiB. A larger one gets 413 without being parsed.</summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    /// <summary>Most records in one batch. A longer array gets 413 and nothing of it is stored.</summary>
    public const int MaxRecords = 10_000;

    /// <summary>Longest <c>location</c>, in UTF-16 characters.</summary>
    public const int MaxLocationLength = 200;

    /// <summary>Longest <c>description</c> and <c>note</c>.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Longest <c>taxpayerName</c>.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest raw code (tracking number with spaces, IDs) before normalising; the patterns bound the rest.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Most items kept in one receiver phone's or taxpayer's index: the newest win.</summary>
    public const int MaxIndexEntries = 100;

    /// <summary>How many of a taxpayer's newest applications a lookup tries when the newest has expired.</summary>
    public const int TaxpayerCandidates = 5;

    /// <summary>
    /// How far ahead of the server's clock an event's time may be. A later time is refused: with a wrong
    /// upstream clock it would stay the "latest" event for ever.
    /// </summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    /// <summary>Times before this are refused as defaults or typos (0001-01-01, 1970-01-01).</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
