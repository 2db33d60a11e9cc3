using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// Every Redis key shape in one place. Keys are relative: the environment prefix
/// (<see cref="RedisOptions.KeyPrefix"/>) is added by <see cref="RedisConnection"/>.
/// </summary>
internal static class RedisKeys
{
    /// <summary>Bot Builder state under its storage key (<c>{channel}/conversations/{id}</c> and the like).</summary>
    public static RedisKey State(string storageKey) => "state:" + storageKey;

    /// <summary>The claim, then the reply, of one inbound message: what makes WeChat's retries idempotent.</summary>
    public static RedisKey Reply(string channelId, string dedupeKey) => $"reply:{channelId}:{dedupeKey}";

    /// <summary>A mutual-exclusion lock.</summary>
    public static RedisKey Lock(string name) => "lock:" + name;

    /// <summary>
    /// The send times of one WeCom group robot in its rolling minute (a sorted set scored in Unix milliseconds),
    /// keyed by the SHA-256 of the webhook key: the key itself is a secret and never reaches Redis.
    /// </summary>
    public static RedisKey RobotSends(string webhookKeyHash) => "robot:sends:" + webhookKeyHash;

    /// <summary>The cached access_token of one WeChat or WeCom account.</summary>
    public static RedisKey AccessToken(string account) => "token:" + account;
}
