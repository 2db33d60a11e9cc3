using ChatPost.Bot.Dialogs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace ChatPost.Bot.Hosting;

public static class TelemetryExtensions
{
    /// <summary>Where Prometheus scrapes the service (and the start-up warm-up reads it as Prometheus does).</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Metrics through OpenTelemetry with a Prometheus exporter: the service's own (<see cref="ChatPostMetrics"/>,
    /// <see cref="ConversationMetrics"/>, the readiness checks), ASP.NET Core, outgoing HTTP and the .NET runtime.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChatPostMetrics();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ChatPostMetrics.MeterName, ConversationMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        // Prometheus scrapes /metrics, not /readyz: the readiness checks are run and exported as chatpost_ready too.
        builder.Services.AddSingleton<IHealthCheckPublisher, ReadinessMetricsPublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Period = ReadinessMetricsPublisher.Period;
            options.Predicate = check => check.Tags.Contains("ready");
        });
        return builder;
    }

    /// <summary>
    /// The instruments every feature records into; features call it themselves so that each can be composed (and
    /// tested) on its own. Idempotent.
    /// </summary>
    public static IServiceCollection AddChatPostMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ChatPostMetrics>();
        return services;
    }

    /// <summary><c>GET /metrics</c>: the Prometheus text format.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
