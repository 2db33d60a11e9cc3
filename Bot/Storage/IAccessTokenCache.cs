namespace ChatPost.Bot.Storage;

/// <summary>
/// The one cached access_token per WeChat or WeCom account, shared by every replica. Refreshing is
/// coordinated with <see cref="IDistributedLock"/> by <c>WeChat.AccessTokenProvider</c>.
/// </summary>
public interface IAccessTokenCache
{
    /// <summary>The cached token, or <see langword="null"/> when none is cached or it has expired.</summary>
    Task<CachedAccessToken?> GetAsync(string account, CancellationToken cancellationToken);

    /// <summary>Caches <paramref name="token"/> until its expiry.</summary>
    Task SetAsync(string account, CachedAccessToken token, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the cached token, but only while it is still <paramref name="rejectedToken"/>: a token that
    /// another replica has already replaced is kept.
    /// </summary>
    Task InvalidateAsync(string account, string rejectedToken, CancellationToken cancellationToken);
}

/// <summary>An access_token and the moment WeChat stops accepting it.</summary>
public sealed record CachedAccessToken(string Value, DateTimeOffset ExpiresAt);
