using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace ChatPost.Bot.Scheduling;

/// <summary>
/// Ready while the Quartz scheduler runs (started, not in standby, not shut down) and, when it is clustered, while its
/// PostgreSQL answers: Quartz itself keeps "running" through an outage of its store, retrying, and fires nothing.
/// </summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, IOptions<SchedulerOptions> options) : IHealthCheck
{
    // A connection of its own each time, never a pooled one that a restart of the server broke, and bounded in time.
    private readonly string? _store = options.Value.Clustered
        ? new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false, Timeout = 2, CommandTimeout = 2 }.ConnectionString
        : null;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.GetStatus(cancellationToken) != SchedulerStatus.Running)
        {
            return HealthCheckResult.Unhealthy("The Quartz scheduler is not running");
        }

        if (_store is not null)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_store);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("The scheduler's PostgreSQL does not answer", exception);
            }
        }

        return HealthCheckResult.Healthy($"Quartz {scheduler.SchedulerInstanceId} running");
    }
}
