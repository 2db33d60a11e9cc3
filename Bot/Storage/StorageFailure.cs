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
    /// (<c>MASTERDOWN</c>), a cluster without a slot's primary (<c>CLUSTERDOWN</c>, <c>TRYAGAIN</c>). Other server errors
    /// (a wrong type, a script error) are bugs, and false.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is RedisConnectionException or TimeoutException
        || (exception is RedisServerException
        {
            Kind: RedisErrorKind.ReadOnly or RedisErrorKind.Loading or RedisErrorKind.MasterDown or RedisErrorKind.ClusterDown or RedisErrorKind.TryAgain,
        })
        || (exception is AggregateException aggregate && aggregate.InnerExceptions.All(IsUnavailable));

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
