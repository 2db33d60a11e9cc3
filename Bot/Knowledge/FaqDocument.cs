using System.Text.Json.Serialization;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// The knowledge base as one JSON document: what <c>GET /api/faq/export</c> answers and <c>POST /api/faq/import</c>
/// takes back, unchanged or edited. 整个知识库的 JSON 文档：导出的内容，可原样或修改后再导入。
/// </summary>
/// <param name="Entries">The entries (1 to 1,000). Import: each is created, updated (a new version when it differs) or left as it is;
/// the whole document is checked first and nothing is written when any entry is bad. 条目（1–1,000 条）。导入时逐条新建、修改（内容不同才产生新版本）或保持不变；先整体检查，任一条有误则全部不写入。</param>
/// <param name="Replace">Import only: true also deletes every entry the document does not list. Default false. 仅导入：true 时同时删除文档中没有的条目；默认 false。</param>
/// <param name="Revision">Export: the revision exported. Ignored by import. 导出时的修订号；导入时忽略。</param>
/// <param name="ExportedAt">Export: when. Ignored by import. 导出时间；导入时忽略。</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaqDocument(IReadOnlyList<FaqEntryBody>? Entries, bool? Replace = null, long? Revision = null, DateTimeOffset? ExportedAt = null);
