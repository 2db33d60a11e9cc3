using ChatPost.Bot.Dialogs.Privacy;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers shared state: Redis when <c>Redis:Configuration</c> is set, otherwise the embedded in-memory
    /// twins (one process only). Both provide Bot Builder's <see cref="IStorage"/>, the turn gate that
    /// dedupes WeChat's retries, the access-token cache and distributed locks.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var environment = builder.Environment.EnvironmentName.ToLowerInvariant();
        builder.Services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.SectionName)
            .PostConfigure(options => options.KeyPrefix ??= $"chatpost:{environment}:")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<LookupQuotaOptions>().BindConfiguration(LookupQuotaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        if (builder.UsesRedis())
        {
            builder.Services.TryAddSingleton<IConnectionMultiplexer>(services =>
                RedisConnection.Connect(services.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration));
            builder.Services.TryAddSingleton<RedisConnection>();
            builder.Services.TryAddSingleton<PrefetchedState>();
            builder.Services.TryAddSingleton<IStorage, RedisStorage>();
            builder.Services.TryAddSingleton<RedisDistributedLock>();
            builder.Services.TryAddSingleton<IDistributedLock>(services => services.GetRequiredService<RedisDistributedLock>());
            builder.Services.TryAddSingleton<ITurnGate, RedisTurnGate>();
            builder.Services.TryAddSingleton<IAccessTokenCache, RedisAccessTokenCache>();
            builder.Services.TryAddSingleton<ILookupQuota, RedisLookupQuota>();
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }
        else
        {
            builder.Services.TryAddSingleton<IStorage, MemoryStorage>();
            builder.Services.TryAddSingleton<IDistributedLock, MemoryDistributedLock>();
            builder.Services.TryAddSingleton<ITurnGate, MemoryTurnGate>();
            builder.Services.TryAddSingleton<IAccessTokenCache, MemoryAccessTokenCache>();
            builder.Services.TryAddSingleton<ILookupQuota, MemoryLookupQuota>();
        }

        return builder;
    }

    /// <summary>
    /// True when <c>Redis:Configuration</c> is set: features register their Redis implementation, otherwise their
    /// embedded in-memory twin.
    /// </summary>
    public static bool UsesRedis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return (builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new()).IsConfigured;
    }
}
