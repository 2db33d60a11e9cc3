namespace ChatPost.Bot.Knowledge;

/// <summary>
/// A knowledge entry as the admin API shows it: its content and its current version. The response's <c>ETag</c> is the
/// version, for <c>If-Match</c> on the next change. 知识条目及其当前版本；响应的 <c>ETag</c> 即版本号，可用于下次修改的 <c>If-Match</c>。
/// </summary>
/// <param name="Id">The entry's id. 条目编号。</param>
/// <param name="Questions">Ways citizens ask it. 群众的问法。</param>
/// <param name="Answer">The answer. 回答。</param>
/// <param name="Business">The business line, or null. 业务线，或 null。</param>
/// <param name="Intent">The recognised intent it answers, or null. 对应的识别意图，或 null。</param>
/// <param name="Keywords">Extra words that point to it. 关键词。</param>
/// <param name="Enabled">Whether the bot answers with it. 是否启用。</param>
/// <param name="Version">The current version (1 for the first). 当前版本号（从 1 起）。</param>
/// <param name="ChangedBy">Who made the current version. 当前版本的修改人。</param>
/// <param name="ChangedAt">When. 修改时间。</param>
public sealed record FaqEntryView(
    string Id,
    IReadOnlyList<string> Questions,
    string Answer,
    string? Business,
    string? Intent,
    IReadOnlyList<string> Keywords,
    bool Enabled,
    int Version,
    string ChangedBy,
    DateTimeOffset ChangedAt)
{
    /// <summary>The view of a version (of a deletion: what it deleted).</summary>
    public static FaqEntryView From(FaqEntryVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var entry = version.Entry;
        return new(entry.Id, entry.Questions, entry.Answer, entry.Business, entry.Intent, entry.Keywords, entry.Enabled, version.Version,
            version.ChangedBy, version.ChangedAt);
    }
}
