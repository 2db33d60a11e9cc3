using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Hosting;

public static class RateLimitExtensions
{
    /// <summary>The policy of the ingestion API.</summary>
    public const string Ingest = "ingest";

    /// <summary>The policy of the admin API.</summary>
    public const string Admin = "admin";

    /// <summary>
    /// Fixed one-minute windows per client address for the APIs with bearer keys (<see cref="Ingest"/>,
    /// <see cref="Admin"/>): a guessed key or a runaway upstream gets 429 with Retry-After and a log line.
    /// </summary>
    public static IHostApplicationBuilder AddApiRateLimits(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Ingest, http => PerClient(http, options => options.IngestPerMinute));
            limiter.AddPolicy(Admin, http => PerClient(http, options => options.AdminPerMinute));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ChatPost.Bot.Hosting.RateLimits")
                    .RateLimited(http.Request.Path, http.Connection.RemoteIpAddress?.ToString());
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                    : "60";
                await TypedResults.Problem(detail: "Too many requests; try again later.", statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(http);
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, Func<RateLimitOptions, int> permits)
    {
        var limit = permits(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
