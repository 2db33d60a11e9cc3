using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary><see cref="IAccessTokenCache"/> as a Redis hash that expires with the token.</summary>
public sealed class RedisAccessTokenCache(RedisConnection redis) : IAccessTokenCache
{
    private const string InvalidateScript = """
        if redis.call('HGET', KEYS[1], 'value') == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <inheritdoc/>
    public async Task<CachedAccessToken?> GetAsync(string account, CancellationToken cancellationToken)
    {
        var fields = await redis.Database.HashGetAsync(RedisKeys.AccessToken(account), ["value", "expires"]);
        if (fields[0].IsNullOrEmpty || !fields[1].TryParse(out long expiresUnixMs))
        {
            return null;
        }

        return new CachedAccessToken(fields[0]!, DateTimeOffset.FromUnixTimeMilliseconds(expiresUnixMs));
    }

    /// <inheritdoc/>
    public async Task SetAsync(string account, CachedAccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var key = RedisKeys.AccessToken(account);
        var batch = redis.Database.CreateTransaction();
        _ = batch.HashSetAsync(key, [new("value", token.Value), new("expires", token.ExpiresAt.ToUnixTimeMilliseconds())]);
        _ = batch.KeyExpireAsync(key, token.ExpiresAt.UtcDateTime);
        await batch.ExecuteAsync();
    }

    /// <inheritdoc/>
    public Task InvalidateAsync(string account, string rejectedToken, CancellationToken cancellationToken) =>
        redis.Database.ScriptEvaluateAsync(InvalidateScript, [RedisKeys.AccessToken(account)], [rejectedToken]);
}
