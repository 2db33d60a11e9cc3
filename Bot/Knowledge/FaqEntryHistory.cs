namespace ChatPost.Bot.Knowledge;

/// <summary><c>GET /api/faq/{id}</c>: an entry's kept versions, newest first; the first is how it stands. 条目的历史版本（新的在前），第一个即现状。</summary>
/// <param name="Id">The entry's id. 条目编号。</param>
/// <param name="Deleted">True when its newest version deleted it (a revert brings it back). 最新版本为删除时为 true（可回退恢复）。</param>
/// <param name="Versions">Every kept version, newest first (the newest <c>Knowledge:HistoryLength</c>). 保留的全部版本，新的在前。</param>
public sealed record FaqEntryHistory(string Id, bool Deleted, IReadOnlyList<FaqVersionView> Versions);
