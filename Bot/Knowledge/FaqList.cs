namespace ChatPost.Bot.Knowledge;

/// <summary><c>GET /api/faq</c>: every entry that is not deleted, by id, and the knowledge's revision. 全部未删除的条目（按编号排序）及知识库修订号。</summary>
/// <param name="Revision">The knowledge base's revision: a counter every change moves on. 知识库修订号：每次修改加一。</param>
/// <param name="Entries">The entries, disabled ones included, ordered by id. 条目（含未启用的），按编号排序。</param>
public sealed record FaqList(long Revision, IReadOnlyList<FaqEntryView> Entries);
