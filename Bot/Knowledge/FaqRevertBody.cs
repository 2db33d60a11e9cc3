using System.Text.Json.Serialization;

namespace ChatPost.Bot.Knowledge;

/// <summary><c>POST /api/faq/{id}/revert</c>: which version's content to restore, as a new version. 回退：把哪个版本的内容恢复为新版本。</summary>
/// <param name="Version">A kept version (a deletion's content is what it deleted). Omitted (<c>{}</c>): undo the current version —
/// a deletion brings the entry back, any other change goes back to the version before it. 要恢复的版本（删除版本的内容即被删除的内容）；不给则撤销当前版本（删除则恢复条目，其他修改则回到之前的版本）。</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaqRevertBody(int? Version = null);
