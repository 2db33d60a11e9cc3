using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPost.Bot.Hosting;

/// <summary>
/// Runs the readiness checks (tagged <c>ready</c>: Redis, the scheduler, the start-up warm-up) every <see cref="Period"/> and exports each as
/// <c>chatpost_ready{check}</c>, 1 or 0: the alert on a replica that is not ready reads it, since Prometheus scrapes
/// <c>/metrics</c>, not <c>/readyz</c>.
/// </summary>
internal sealed class ReadinessMetricsPublisher(ChatPostMetrics metrics) : IHealthCheckPublisher
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (check, entry) in report.Entries)
        {
            metrics.ReadinessSeen(check, entry.Status == HealthStatus.Healthy);
        }

        return Task.CompletedTask;
    }
}
