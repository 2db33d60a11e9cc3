using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ChatPost.Bot.Scheduling;

/// <summary>Ready while the Quartz scheduler runs (started, not in standby, not shut down).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"Quartz {scheduler.SchedulerInstanceId} running")
            : HealthCheckResult.Unhealthy("The Quartz scheduler is not running");
    }
}
