namespace ChatPost.Bot.Ingestion;

/// <summary>
/// The answer to an ingestion batch. <c>accepted + duplicates + rejected.length</c> is the length of the array that
/// was posted.
/// </summary>
/// <remarks>
/// Sent with 200 when the array is empty or at least one record was valid, and with 422 when every record was
/// rejected. For example <c>{ "accepted": 2, "duplicates": 1, "rejected": [ { "index": 3, "reason": "city: not one of the seventeen city branches" } ] }</c>.
/// </remarks>
/// <param name="Accepted">
/// Valid records seen for the first time, now stored. An invoice application's state older than the one
/// already stored counts here too, but does not replace it.
/// </param>
/// <param name="Duplicates">
/// Valid records that were already stored (a shipment event with the same tracking number, status and time; an
/// invoice application with the same number, status and time), earlier or in the same batch: nothing changed.
/// </param>
/// <param name="Rejected">The invalid records, by their zero-based index in the posted array, in order; empty when none.</param>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedRecord> Rejected);

/// <summary>One invalid record: its zero-based index in the posted array and why it was refused (field names as posted, never the values).</summary>
public sealed record RejectedRecord(int Index, string Reason);
