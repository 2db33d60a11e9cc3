using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatPost.Bot.Storage;

public static class RobotRateLimiterExtensions
{
    /// <summary>
    /// Registers <see cref="IRobotRateLimiter"/>: <see cref="RedisRobotRateLimiter"/> when <c>Redis:Configuration</c>
    /// is set (it uses the connection that <see cref="StorageExtensions.AddStorage"/> registers), otherwise
    /// <see cref="MemoryRobotRateLimiter"/>. Does nothing when a limiter is already registered.
    /// </summary>
    public static IHostApplicationBuilder AddRobotRateLimiter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redis = builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new();
        if (redis.IsConfigured)
        {
            builder.Services.TryAddSingleton<IRobotRateLimiter, RedisRobotRateLimiter>();
        }
        else
        {
            builder.Services.TryAddSingleton<IRobotRateLimiter, MemoryRobotRateLimiter>();
        }

        return builder;
    }
}
