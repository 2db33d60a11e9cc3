using ChatPost.Bot.Dialogs.Postal;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>Tells an outage of shared storage (which passes, and the service rides out) from a bug (which does not).</summary>
public static class StorageFailure
{
    /// <summary>
    /// True when Redis is unreachable or too slow (the multiplexer fails fast while disconnected and reconnects by
    /// itself), or answers that it cannot take the command while it fails over or starts: a write that reached a replica
    /// not yet promoted (<c>READONLY</c>), a server loading its data (<c>LOADING</c>), a replica cut off from its primary
    /// (<c>MASTERDOWN</c>), a cluster without a slot's primary (<c>CLUSTERDOWN</c>, <c>TRYAGAIN</c>), or a durable write's
    /// <c>WAIT</c> that reached a primary made a replica under it (<see cref="RedisConnection.AcknowledgeAsync"/>). Other
    /// server errors (a wrong type, a script error) are bugs, and false.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is RedisConnectionException or TimeoutException
        || (exception is RedisServerException
        {
            Kind: RedisErrorKind.ReadOnly or RedisErrorKind.Loading or RedisErrorKind.MasterDown or RedisErrorKind.ClusterDown or RedisErrorKind.TryAgain,
        })
        || IsWaitOnReplica(exception)
        || (exception is AggregateException aggregate && aggregate.InnerExceptions.All(IsUnavailable));

    /// <summary>
    /// Redis answers <c>WAIT</c> on a replica with a plain <c>ERR</c>, no error code of its own. A restarted primary comes
    /// back as a primary until Sentinel makes it a replica, and the client may send a command to it meanwhile, as the chaos
    /// run found: the writes before it may be lost with it, which is what <see cref="RedisConnection.AcknowledgeAsync"/>
    /// exists to tell, so the caller answers as in an outage and its sender retries.
    /// </summary>
    private static bool IsWaitOnReplica(Exception exception) =>
        exception is RedisServerException { Message: var message } && message.StartsWith("ERR WAIT cannot be used with replica", StringComparison.Ordinal);

    /// <summary>Runs a read of records; an outage becomes <see cref="RecordsUnavailableException"/>, which the dialogs handle.</summary>
    public static async Task<T> ReadRecordsAsync<T>(Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read();
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            throw new RecordsUnavailableException("Redis is unavailable.", exception);
        }
    }
}
