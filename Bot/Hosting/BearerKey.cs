using System.Security.Cryptography;
using System.Text;

namespace ChatPost.Bot.Hosting;

/// <summary>The bearer-key check of the ingestion and admin APIs.</summary>
public static class BearerKey
{
    private const string Scheme = "Bearer ";

    /// <summary>
    /// True when <paramref name="authorization"/> is <c>Bearer &lt;apiKey&gt;</c> (scheme in any case). The key is
    /// compared in constant time; false for a missing header, another scheme or an empty configured key.
    /// </summary>
    public static bool Matches(string? authorization, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (apiKey.Length == 0 || authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hash both sides first: equal lengths, so the time taken says nothing about the key's length either.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization.AsSpan(Scheme.Length).Trim().ToString()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    /// <summary>
    /// Puts a group of endpoints behind a bearer key: 404 while the key is empty (the API is off), 401 with a log line
    /// for a missing or wrong key. Checked by <see cref="UseBearerKeys"/> before the request body is read.
    /// </summary>
    public static TBuilder RequireBearerKey<TBuilder>(this TBuilder builder, string apiName, string settingName, Func<IServiceProvider, string> apiKey)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new BearerKeyRequirement(apiName, settingName, apiKey));
        return builder;
    }

    /// <summary>
    /// Enforces <see cref="RequireBearerKey"/> once the endpoint is chosen and before it runs, so that nobody without
    /// the key learns anything from how the body would have been judged.
    /// </summary>
    public static IApplicationBuilder UseBearerKeys(this IApplicationBuilder app) => app.Use((http, next) =>
        // Not async here: every WeChat push passes through, and an async lambda would box its state machine for them.
        http.GetEndpoint()?.Metadata.GetMetadata<BearerKeyRequirement>() is { } requirement ? CheckAsync(http, next, requirement) : next(http));

    private static async Task CheckAsync(HttpContext http, RequestDelegate next, BearerKeyRequirement requirement)
    {
        var key = requirement.ApiKey(http.RequestServices);
        if (key.Length == 0)
        {
            await TypedResults.Problem(detail: $"The {requirement.ApiName} API is disabled: {requirement.SettingName} is not set.",
                statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
            return;
        }

        if (!Matches(http.Request.Headers.Authorization, key))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ChatPost.Bot.Hosting.BearerKey")
                .BearerKeyRejected(requirement.ApiName, http.Request.Path, http.Connection.RemoteIpAddress?.ToString());
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await TypedResults.Problem(detail: "Missing or wrong bearer key.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(http);
            return;
        }

        await next(http);
    }
}
