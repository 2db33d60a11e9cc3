using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatPost.Bot.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every ChatPost process needs: settings from <c>config/</c>, DI validation, the clock,
    /// ProblemDetails for every error, health checks and metrics.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddConfigFolder();
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions
        {
            ValidateScopes = true,
            ValidateOnBuild = true,
        }));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        // A body that does not bind throws in every environment (by default only in Development, and elsewhere answers a
        // bare 400), so that UnreadableBodyHandler answers it with the field at fault and logs it.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<UnreadableBodyHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.AddTelemetry();
        builder.AddApiRateLimits();
        return builder;
    }

    /// <summary>The error handling middleware: unhandled exceptions and bare status codes become ProblemDetails.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseBearerKeys();
        return app;
    }

    /// <summary>
    /// <c>GET /healthz</c>: 200 once the app serves requests. <c>GET /readyz</c>: also runs the checks tagged
    /// <c>ready</c> (Redis, the scheduler, the start-up warm-up), 503 while any fails or is degraded. <c>GET /metrics</c>: Prometheus.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            // Degraded is a replica that answers but should not take traffic yet (the start-up warm-up).
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        });
        app.MapMetrics();
        return app;
    }
}
