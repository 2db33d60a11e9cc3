namespace ChatPost.Bot.Knowledge;

/// <summary><c>POST /api/faq/import</c>: what the import did, by entry id, and the revision it made. 导入结果：按条目编号列出，并给出修订号。</summary>
/// <param name="Revision">The knowledge base's revision after the import (unchanged when nothing changed). 导入后的修订号（无变化时不变）。</param>
/// <param name="Created">Entries created (or deleted ones brought back). 新建（或恢复）的条目。</param>
/// <param name="Updated">Entries whose content changed: each has a new version. 内容有变化的条目，各自产生新版本。</param>
/// <param name="Deleted">Entries deleted because the document did not list them (<c>replace</c>). 因文档中没有而删除的条目（replace 时）。</param>
/// <param name="Unchanged">Entries the document listed as they already were. 内容未变的条目。</param>
public sealed record FaqImportResult(long Revision, IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Deleted,
    IReadOnlyList<string> Unchanged);
