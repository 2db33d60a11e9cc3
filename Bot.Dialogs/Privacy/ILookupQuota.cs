namespace ChatPost.Bot.Dialogs.Privacy;

/// <summary>
/// Limits record lookups per user so that tracking or application numbers cannot be enumerated through the
/// bot. Implemented by the host over Redis (shared by replicas) or in memory.
/// </summary>
public interface ILookupQuota
{
    /// <summary>Takes one lookup from <paramref name="userId"/>'s allowance; false when it is used up for now.</summary>
    Task<bool> TryTakeAsync(string userId, CancellationToken cancellationToken);
}
