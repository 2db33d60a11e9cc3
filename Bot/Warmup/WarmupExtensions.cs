namespace ChatPost.Bot.Warmup;

public static class WarmupExtensions
{
    /// <summary>
    /// The start-up warm-up (<see cref="StartupWarmup"/>) and its readiness check: <c>/readyz</c> answers 503 until the
    /// service has asked itself what citizens ask.
    /// </summary>
    public static IHostApplicationBuilder AddStartupWarmup(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<StartupWarmup>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StartupWarmup>());
        builder.Services.AddHealthChecks().AddCheck<StartupWarmup>("warm-up", tags: ["ready"]);
        return builder;
    }
}
