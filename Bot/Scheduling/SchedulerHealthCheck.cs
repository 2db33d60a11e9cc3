using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ChatPost.Bot.Scheduling;

/// <summary>Ready while the Quartz scheduler runs (started, not in standby, not shut down).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler.IsStarted && !scheduler.InStandbyMode && !scheduler.IsShutdown
            ? HealthCheckResult.Healthy($"Quartz {scheduler.SchedulerInstanceId} running")
            : HealthCheckResult.Unhealthy("The Quartz scheduler is not running");
    }
}
