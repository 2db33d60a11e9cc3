using ChatPost.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatPost.Bot.Tests.Hosting;

public class ReadinessMetricsPublisherTests
{
    [Fact]
    public async Task Publish_RedisDownSchedulerRunning_ExportsZeroAndOneByCheck()
    {
        using var services = new ServiceCollection().AddChatPostMetrics().BuildServiceProvider();
        using var ready = new MetricCollector<int>(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), ChatPostMetrics.MeterName, "chatpost.ready");
        var sut = new ReadinessMetricsPublisher(services.GetRequiredService<ChatPostMetrics>());
        var report = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["redis"] = new(HealthStatus.Unhealthy, "Redis is unreachable", TimeSpan.Zero, null, null),
            ["scheduler"] = new(HealthStatus.Healthy, null, TimeSpan.Zero, null, null),
        }, TimeSpan.Zero);

        await sut.PublishAsync(report, default);
        ready.RecordObservableInstruments();

        Assert.Equal([("redis", 0), ("scheduler", 1)],
            ready.GetMeasurementSnapshot().Select(measurement => ((string)measurement.Tags["check"]!, measurement.Value)).Order());
    }
}
