using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace ChatPost.Bot.Storage;

/// <summary>The one shared multiplexer, and the database view with this environment's key prefix.</summary>
public sealed class RedisConnection(IConnectionMultiplexer multiplexer, IOptions<RedisOptions> options)
{
    public IConnectionMultiplexer Multiplexer => multiplexer;

    /// <summary>Database 0 seen through the key prefix: callers use the relative keys of <see cref="RedisKeys"/>.</summary>
    public IDatabase Database { get; } = multiplexer.GetDatabase().WithKeyPrefix(options.Value.KeyPrefix);
}
