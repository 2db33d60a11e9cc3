using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// One access_token per account across all replicas (WECHAT.md §3): read from the shared cache; refreshed a
/// few minutes before it expires by exactly one caller holding the refresh lock, while the others keep using
/// the still-valid token or wait for the new one; fetched again when WeChat rejects it.
/// </summary>
public sealed partial class AccessTokenProvider(IAccessTokenSource source, IAccessTokenCache cache, IDistributedLock locks,
    TimeProvider time, ChatPostMetrics metrics, ILogger<AccessTokenProvider> logger)
{
    /// <summary>Refresh this long before expiry; the stable_token endpoint itself hands out the next token 5 minutes early.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan LockTimeToLive = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitPause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(15);

    public string Account => source.Account;

    /// <summary>
    /// The current token, or the error WeChat answered when it could not be fetched. A token that is due for
    /// refresh but still valid is returned when the refresh fails, so a short WeChat outage costs nothing.
    /// </summary>
    public async Task<AccessTokenResult> GetTokenAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + LongestWait;
        while (true)
        {
            var cached = await cache.GetAsync(source.Account, cancellationToken);
            var now = time.GetUtcNow();
            if (cached is not null && cached.ExpiresAt - now > RefreshMargin)
            {
                return Success(cached, now);
            }

            await using (var lease = await locks.TryAcquireAsync(LockName, LockTimeToLive, cancellationToken))
            {
                if (lease is not null)
                {
                    return await RefreshAsync(cancellationToken);
                }
            }

            // Someone else is refreshing: the old token is still good if it has not expired yet.
            if (cached is not null && cached.ExpiresAt > now)
            {
                return Success(cached, now);
            }

            if (now >= giveUpAt)
            {
                return AccessTokenResult.Failed(WeChatApiResult.Unreachable("Timed out waiting for another replica's token refresh"));
            }

            await Task.Delay(WaitPause, time, cancellationToken);
        }
    }

    /// <summary>Forgets <paramref name="rejectedToken"/> after WeChat refused it, unless it was already replaced.</summary>
    public Task InvalidateAsync(string rejectedToken, CancellationToken cancellationToken) =>
        cache.InvalidateAsync(source.Account, rejectedToken, cancellationToken);

    /// <summary>
    /// Runs an API call with the current token; when WeChat rejects the token (40001, 40014, 42001) it is
    /// invalidated, a fresh one fetched and the call retried once.
    /// </summary>
    public async Task<WeChatApiResult> CallAsync(Func<string, CancellationToken, Task<WeChatApiResult>> call,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var token = await GetTokenAsync(cancellationToken);
        if (!token.IsSuccess)
        {
            return token.Status;
        }

        var result = await call(token.AccessToken!, cancellationToken);
        if (!WeChatErrorCodes.IsTokenRejected(result.ErrorCode))
        {
            return result;
        }

        logger.TokenRejected(source.Account, result.ErrorCode);
        await InvalidateAsync(token.AccessToken!, cancellationToken);
        token = await GetTokenAsync(cancellationToken);
        return token.IsSuccess ? await call(token.AccessToken!, cancellationToken) : token.Status;
    }

    private string LockName => "token-refresh:" + source.Account;

    private async Task<AccessTokenResult> RefreshAsync(CancellationToken cancellationToken)
    {
        // Re-read under the lock: the previous holder may have just refreshed.
        var cached = await cache.GetAsync(source.Account, cancellationToken);
        var now = time.GetUtcNow();
        if (cached is not null && cached.ExpiresAt - now > RefreshMargin)
        {
            return Success(cached, now);
        }

        var fetched = await source.FetchAsync(cancellationToken);
        metrics.TokenFetched(source.Account.Split(':')[0], fetched.Status.ErrorCode);
        if (fetched.IsSuccess)
        {
            logger.TokenFetched(source.Account, fetched.ExpiresInSeconds);
            await cache.SetAsync(source.Account,
                new CachedAccessToken(fetched.AccessToken!, now.AddSeconds(fetched.ExpiresInSeconds)), cancellationToken);
            return fetched;
        }

        logger.TokenFetchFailed(source.Account, fetched.Status.ErrorCode, fetched.Status.ErrorMessage);
        return cached is not null && cached.ExpiresAt > now ? Success(cached, now) : fetched;
    }

    private static AccessTokenResult Success(CachedAccessToken cached, DateTimeOffset now) =>
        new(cached.Value, (int)(cached.ExpiresAt - now).TotalSeconds, WeChatApiResult.Ok);
}
