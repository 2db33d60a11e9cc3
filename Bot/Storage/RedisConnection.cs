using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace ChatPost.Bot.Storage;

/// <summary>
/// The one shared multiplexer, and the database view with this environment's key prefix; under Sentinel also a second
/// connection for the writes that must survive a failover (<see cref="DurableDatabase"/>, <see cref="AcknowledgeAsync"/>).
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer? _durable;
    private readonly object[] _wait;
    private readonly ILogger _logger;

    public RedisConnection(IConnectionMultiplexer multiplexer, IOptions<RedisOptions> options, ILogger<RedisConnection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Multiplexer = multiplexer;
        Database = multiplexer.GetDatabase().WithKeyPrefix(options.Value.KeyPrefix);
        _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var replicas = options.Value.ReplicasToAcknowledge;
        _wait = [replicas, (long)options.Value.DurableWriteTimeout.TotalMilliseconds];
        // WAIT holds its connection until the replicas answer: on the shared connection it would hold up every callback
        // behind it for as long as a replica is slow or gone, so durable writes and their WAIT get a connection of their own.
        _durable = replicas > 0 ? Connect(options.Value.Configuration) : null;
        DurableDatabase = _durable is null ? Database : _durable.GetDatabase().WithKeyPrefix(options.Value.KeyPrefix);
    }

    public IConnectionMultiplexer Multiplexer { get; }

    /// <summary>Database 0 seen through the key prefix: callers use the relative keys of <see cref="RedisKeys"/>.</summary>
    public IDatabase Database { get; }

    /// <summary>
    /// The same data as <see cref="Database"/>, for writes that must survive a failover (an ingested batch, an accepted
    /// broadcast, an outbox entry and its acknowledgement): follow them with <see cref="AcknowledgeAsync"/> before
    /// answering. The same as <see cref="Database"/> when no replica is to acknowledge.
    /// </summary>
    public IDatabase DurableDatabase { get; }

    /// <summary>
    /// Waits until <see cref="RedisOptions.DurableWriteReplicas"/> replicas hold every write made so far through
    /// <see cref="DurableDatabase"/> (Redis <c>WAIT</c>), at most <see cref="RedisOptions.DurableWriteTimeout"/>. Past that
    /// the writes stand on the primary alone: logged, not failed, since the primary keeps them unless it is lost too.
    /// Returns at once when no replica is to acknowledge.
    /// </summary>
    public async Task AcknowledgeAsync()
    {
        if (_durable is null)
        {
            return;
        }

        var acknowledged = (long)await DurableDatabase.ExecuteAsync("WAIT", _wait);
        if (acknowledged < (int)_wait[0])
        {
            _logger.NotAcknowledgedByReplicas(acknowledged, (int)_wait[0]);
        }
    }

    public void Dispose() => _durable?.Dispose();

    /// <summary>
    /// Connects as every replica of this service does: start (and report not-ready) while Redis is down rather than
    /// crash; reconnect every second; give up on an unanswered command after 3 s (unless <c>asyncTimeout</c> is set);
    /// while disconnected, fail at once instead of queueing, so that callers go on without
    /// Redis (greetings, the FAQ) or say the system is busy, well within WeChat's five seconds. A Sentinel configuration
    /// (<c>serviceName=…</c>) gives the current primary's connection, which follows failovers.
    /// </summary>
    internal static ConnectionMultiplexer Connect(string configurationString)
    {
        var configuration = ConfigurationOptions.Parse(configurationString);
        configuration.AbortOnConnectFail = false;
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        // A command that meets no answer (a primary that died under it, mid-failover) fails after 3 s rather than the
        // client's 5, so that the turn goes on without Redis inside WeChat's 5 s instead of answering late.
        if (!configurationString.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            configuration.AsyncTimeout = 3000;
        }

        configuration.ClientName ??= "chatpost";
        return ConnectionMultiplexer.Connect(configuration);
    }
}
