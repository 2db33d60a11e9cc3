namespace ChatPost.Bot.Knowledge;

/// <summary>What <see cref="IKnowledgeStore.WriteAsync"/> did.</summary>
/// <param name="Written">True when every version was stored.</param>
/// <param name="Revision">The store's revision after the write; when nothing was written, its revision as found.</param>
/// <param name="ConflictId">When an entry had moved on (its current version was not the one before the new one): its id.</param>
/// <param name="ConflictVersion">That entry's current version.</param>
public sealed record KnowledgeWrite(bool Written, long Revision, string? ConflictId = null, int ConflictVersion = 0);
