namespace ChatPost.Bot.Ingestion;

/// <summary>
/// The answer to an ingestion batch. <c>accepted + duplicates + rejected.length</c> is the length of the array that
/// was posted. 导入结果：accepted + duplicates + rejected 条数等于提交的数组长度。
/// </summary>
/// <remarks>
/// Sent with 200 when the array is empty or at least one record was valid, and with 422 when every record was
/// rejected. For example <c>{ "accepted": 2, "duplicates": 1, "rejected": [ { "index": 3, "reason": "city: not one of the seventeen city branches" } ] }</c>.
/// </remarks>
/// <param name="Accepted">
/// Valid records seen for the first time, now stored. An invoice application's state older than the one
/// already stored counts here too, but does not replace it. 首次出现并已存储的有效记录数。
/// </param>
/// <param name="Duplicates">
/// Valid records that were already stored (a shipment event with the same tracking number, status and time; an
/// invoice application with the same number, status and time), earlier or in the same batch: nothing changed.
/// 已存储过的有效记录数（此前或同批次重复），未作改动。
/// </param>
/// <param name="Rejected">The invalid records, by their zero-based index in the posted array, in order; empty when none. 无效记录（按从 0 开始的序号）；无则为空。</param>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedRecord> Rejected);

/// <summary>
/// One invalid record: its zero-based index in the posted array and why it was refused (field names as posted, never the values).
/// 一条无效记录：序号和拒绝原因（只含字段名，不含字段值）。
/// </summary>
/// <param name="Index">Its zero-based index in the posted array. 在提交数组中的序号（从 0 开始）。</param>
/// <param name="Reason">The field and what is wrong with it. 出错的字段及原因。</param>
public sealed record RejectedRecord(int Index, string Reason);
