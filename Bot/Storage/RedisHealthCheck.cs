using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPost.Bot.Storage;

/// <summary>
/// Ready only while Redis answers a PING, and its primary is Redis 7.0 or later: the turn gate claims each message with
/// <c>SET … NX GET</c>, which older servers refuse, so on them every callback would fail.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    /// <summary>The oldest Redis the service's scripts run on.</summary>
    public static readonly Version MinimumVersion = new(7, 0);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.Database.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            var tooOld = redis.Multiplexer.GetServers().FirstOrDefault(server => server is { IsConnected: true, IsReplica: false }
                && server.Version < MinimumVersion);
            return tooOld is null
                ? HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms")
                : HealthCheckResult.Unhealthy($"Redis {tooOld.Version} at {tooOld.EndPoint} is too old: ChatPost needs {MinimumVersion} or later");
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer", exception);
        }
    }
}
