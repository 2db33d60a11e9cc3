using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Console.SignIn;
using ChatPost.Bot.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;

namespace ChatPost.Bot.Console;

/// <summary>
/// The console's cookie: Secure, HttpOnly, SameSite=Lax, eight hours sliding; its data-protection keys in Redis when
/// Redis is configured, so that any replica reads a cookie another wrote (no sticky sessions).
/// </summary>
public static class ConsoleAuthentication
{
    /// <summary>The console's authentication scheme (a cookie).</summary>
    public const string Scheme = "ChatPost.Console";

    internal static void AddConsoleAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Only the demo of `dotnet run` may be reached over plain http from another machine; everywhere else the
        // cookies are Secure (browsers accept Secure cookies from http://localhost too).
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        // The console's cookie is the only scheme, which ASP.NET Core would make the default and check on every request, WeChat's
        // pushes included (~5 % of a push's CPU, BENCHMARKS.md, issue 17). Off: the console's policies name their scheme
        // (ConsolePolicies), so only the requests they guard read the cookie. Process-wide, read when the options are built.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication()
            .AddCookie(Scheme, options =>
            {
                // __Host-: browsers keep it only when Secure, for this host and path / alone.
                options.Cookie.Name = secure == CookieSecurePolicy.Always ? "__Host-chatpost-console" : "chatpost-console";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = secure;
                // Lax, not Strict: a link to the console in a WeCom chat is a cross-site navigation that must stay signed in.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = SignInEndpoints.SignInPath;
                options.ReturnUrlParameter = "returnUrl";
                options.AccessDeniedPath = "/console/denied";
                options.Events.OnValidatePrincipal = RefreshFromDirectoryAsync;
            });
        services.AddAuthorization(ConsolePolicies.Add);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "chatpost-antiforgery";
            // As the request: the framework refuses to render a form at all over plain http with Always. Behind the
            // proxy every request is https (X-Forwarded-Proto), so this cookie is Secure there; it is no credential.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });

        var protection = services.AddDataProtection().SetApplicationName("ChatPost");
        if (builder.UsesRedis())
        {
            services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((keys, redis) =>
                keys.XmlRepository = new RedisXmlRepository(() => redis.Database, RedisKeys.DataProtectionKeys));
        }
        else
        {
            // The embedded default is one process: its keys live and die with it (signing in again after a restart).
            protection.UseEphemeralDataProtectionProvider();
        }
    }

    /// <summary>
    /// A WeCom user's role and scope come from <c>Managers</c> on every request, not from the cookie: a manager
    /// removed (or moved to another city) loses the old rights at once.
    /// </summary>
    private static Task RefreshFromDirectoryAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || ConsoleUser.From(context.Principal) is not { } user)
        {
            context.RejectPrincipal();
            return Task.CompletedTask;
        }

        if (user.Role != ConsoleRole.Operator)
        {
            var current = ConsoleUser.ForWeComUser(user.Id, context.HttpContext.RequestServices.GetRequiredService<StaffDirectory>());
            if (current != user)
            {
                context.ReplacePrincipal(current.ToPrincipal(Scheme));
                context.ShouldRenew = true;
            }
        }

        return Task.CompletedTask;
    }
}
