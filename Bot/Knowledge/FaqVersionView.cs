namespace ChatPost.Bot.Knowledge;

/// <summary>One kept version of an entry. 条目的一个历史版本。</summary>
/// <param name="Version">Its number. 版本号。</param>
/// <param name="Change">What made it: <c>seeded</c>, <c>created</c>, <c>updated</c>, <c>deleted</c>, <c>reverted</c> or <c>imported</c>.
/// 产生原因：初始导入、新建、修改、删除、回退或导入。</param>
/// <param name="ChangedBy">Who made it. 修改人。</param>
/// <param name="ChangedAt">When. 时间。</param>
/// <param name="RevertedTo">For a revert, the version whose content it restored; otherwise null. 回退时恢复的是哪个版本的内容；否则为 null。</param>
/// <param name="Entry">The content it left; for a deletion, the content it deleted. 该版本的内容；删除版本为被删除的内容。</param>
public sealed record FaqVersionView(int Version, string Change, string ChangedBy, DateTimeOffset ChangedAt, int? RevertedTo, FaqEntryBody Entry)
{
    public static FaqVersionView From(FaqEntryVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new(version.Version, version.Change, version.ChangedBy, version.ChangedAt, version.RevertedTo, FaqEntryRules.ToBody(version.Entry));
    }
}
