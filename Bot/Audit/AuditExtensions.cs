using ChatPost.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatPost.Bot.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The audit trail every admin feature writes to: <see cref="RedisAuditTrail"/> when <c>Redis:Configuration</c> is set,
    /// <see cref="MemoryAuditTrail"/> otherwise. Features that audit call it; calling it again changes nothing.
    /// </summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.UsesRedis())
        {
            builder.Services.TryAddSingleton<IAuditTrail, RedisAuditTrail>();
        }
        else
        {
            builder.Services.TryAddSingleton<MemoryAuditTrail>();
            builder.Services.TryAddSingleton<IAuditTrail>(services => services.GetRequiredService<MemoryAuditTrail>());
        }

        return builder;
    }
}
