namespace ChatPost.Bot.Dialogs.Privacy;

public static class LookupQuotaExtensions
{
    /// <summary>
    /// Takes one lookup from <paramref name="userId"/>'s allowance and runs <paramref name="lookup"/> alongside, so
    /// that both cost one round trip. The result comes back only when the allowance permitted it; otherwise it is
    /// dropped unseen, so a user over the limit learns nothing from it.
    /// </summary>
    /// <returns><c>Allowed</c> false (and no result) when the allowance is used up for now.</returns>
    public static async Task<(bool Allowed, T? Result)> LookUpAsync<T>(this ILookupQuota quota, string userId,
        Func<CancellationToken, Task<T>> lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(lookup);
        var allowed = quota.TryTakeAsync(userId, cancellationToken);
        var result = lookup(cancellationToken);
        await Task.WhenAll(allowed, result);
        return await allowed ? (true, await result) : (false, default);
    }
}
