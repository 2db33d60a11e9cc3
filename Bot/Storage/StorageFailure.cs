using ChatPost.Bot.Dialogs.Postal;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>Tells an outage of shared storage (which passes, and the service rides out) from a bug (which does not).</summary>
public static class StorageFailure
{
    /// <summary>
    /// True when Redis is unreachable or too slow: the multiplexer fails fast while disconnected and reconnects
    /// by itself. Server errors (a wrong type, a script error) are bugs, and false.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is RedisConnectionException or TimeoutException
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
