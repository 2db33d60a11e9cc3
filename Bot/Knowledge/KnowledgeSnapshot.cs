namespace ChatPost.Bot.Knowledge;

/// <summary>The knowledge base at one revision: the current version of every entry that is not deleted.</summary>
/// <param name="Revision">The store's change counter: 0 before the first write (the seed), one more for each write.</param>
/// <param name="Entries">The current versions, in no particular order.</param>
public sealed record KnowledgeSnapshot(long Revision, IReadOnlyList<FaqEntryVersion> Entries);
