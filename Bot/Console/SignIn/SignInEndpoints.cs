using System.Security.Cryptography;
using System.Text;
using ChatPost.Bot.Admin;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Console.SignIn;

/// <summary>
/// How people get into the console and out again: the admin key (operators), WeCom (staff and managers), the
/// one-click demo (Development only), and sign-out. Every success and failure is in the audit trail; failures
/// count against the client's <see cref="SignInThrottle"/>.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/console/signin";
    private const string StateCookie = "__Host-chatpost-signin"; // WeCom sign-in only works over https anyway
    private const string WeComCallbackPath = "/console/signin/wecom/callback";

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(environment);
        endpoints.MapPost("/console/signin/key", SignInWithKeyAsync).RequireConsoleAntiforgery();
        endpoints.MapGet("/console/signin/wecom", StartWeComSignIn);
        endpoints.MapGet(WeComCallbackPath, FinishWeComSignInAsync);
        // Signed in, like the pages whose button posts it: the form's token names their user, and the console's cookie is read
        // only where a policy asks for it (ConsoleAuthentication).
        endpoints.MapPost("/console/signout", SignOutAsync).RequireAuthorization(ConsolePolicies.SignedIn).RequireConsoleAntiforgery();
        if (environment.IsDevelopment())
        {
            endpoints.MapPost("/console/signin/demo", SignInForDemoAsync).RequireConsoleAntiforgery();
        }

        return endpoints;
    }

    private static async Task<IResult> SignInWithKeyAsync(HttpContext http, [FromForm] string? key, [FromForm] string? returnUrl,
        IOptions<AdminOptions> admin, SignInThrottle throttle, IAuditTrail audit, TimeProvider time, ILogger<SignInThrottle> logger)
    {
        var address = ClientAddress(http);
        if (throttle.IsBlocked(address))
        {
            logger.SignInThrottled(address);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), "anonymous", AuditArea.Console, "sign-in-refused", null, "console", $"管理密钥，来自 {address}：失败次数过多"),
                http.RequestAborted);
            return BackToSignIn("throttled", returnUrl);
        }

        var expected = admin.Value.ApiKey;
        if (expected.Length == 0 || string.IsNullOrEmpty(key)
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            throttle.Failed(address);
            logger.SignInFailed("admin key", address, expected.Length == 0 ? "Admin:ApiKey is not set" : "wrong key");
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), "anonymous", AuditArea.Console, "sign-in-failed", null, "console", $"管理密钥错误，来自 {address}"),
                http.RequestAborted);
            return BackToSignIn("key", returnUrl);
        }

        return await SignInAsync(http, ConsoleUser.Operator(), "admin key", returnUrl, audit, time, logger);
    }

    private static Task<IResult> SignInForDemoAsync(HttpContext http, IAuditTrail audit, TimeProvider time, ILogger<SignInThrottle> logger) =>
        SignInAsync(http, ConsoleUser.Operator() with { Name = "演示运维" }, "demo", null, audit, time, logger);

    private static RedirectHttpResult StartWeComSignIn(HttpContext http, WeComSignIn wecom, string? returnUrl)
    {
        if (!wecom.IsAvailable)
        {
            return BackToSignIn("wecom-off", returnUrl);
        }

        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(StateCookie, state + "|" + LocalConsoleUrl(returnUrl), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            // Lax: WeCom sends the browser back with a top-level GET from its own site, which must carry this cookie.
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(10),
        });
        var callback = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{WeComCallbackPath}");
        return TypedResults.Redirect(wecom.AuthorizationUrl(callback, state, WeComSignIn.IsWeComBrowser(http.Request.Headers.UserAgent)).AbsoluteUri);
    }

    private static async Task<IResult> FinishWeComSignInAsync(HttpContext http, WeComSignIn wecom, StaffDirectory directory,
        SignInThrottle throttle, IAuditTrail audit, TimeProvider time, ILogger<SignInThrottle> logger, string? code, string? state)
    {
        var address = ClientAddress(http);
        var remembered = http.Request.Cookies[StateCookie]?.Split('|', 2);
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Secure = true, Path = "/" });
        var returnUrl = remembered is [_, var url] ? url : null;
        if (throttle.IsBlocked(address))
        {
            logger.SignInThrottled(address);
            return BackToSignIn("throttled", returnUrl);
        }

        string? failure = null;
        string? userId = null;
        if (string.IsNullOrEmpty(code) || code.Length > 512 || string.IsNullOrEmpty(state) || remembered is not [var expected, _]
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state), Encoding.ASCII.GetBytes(expected)))
        {
            failure = "missing code or state, or a state this browser did not start";
        }
        else
        {
            (userId, failure) = await wecom.ResolveAsync(code, http.RequestAborted);
        }

        if (userId is null)
        {
            throttle.Failed(address);
            logger.SignInFailed("WeCom", address, failure ?? "unknown");
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), "anonymous", AuditArea.Console, "sign-in-failed", null, "console", $"企业微信登录失败，来自 {address}"),
                http.RequestAborted);
            return BackToSignIn("wecom", returnUrl);
        }

        return await SignInAsync(http, ConsoleUser.ForWeComUser(userId, directory), "WeCom", returnUrl, audit, time, logger);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAuditTrail audit, TimeProvider time, ILogger<SignInThrottle> logger)
    {
        var result = await http.AuthenticateAsync(ConsoleAuthentication.Scheme);
        if (result.Principal is { } principal && ConsoleUser.From(principal) is { } user)
        {
            var masked = UserIds.Mask(user.Id);
            logger.SignedOut(masked);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), user.Id, AuditArea.Console, "signed-out", null, "console", ""), http.RequestAborted);
        }

        await http.SignOutAsync(ConsoleAuthentication.Scheme);
        return TypedResults.Redirect(SignInPath + "?signedOut=1");
    }

    private static async Task<IResult> SignInAsync(HttpContext http, ConsoleUser user, string method, string? returnUrl, IAuditTrail audit,
        TimeProvider time, ILogger logger)
    {
        await http.SignInAsync(ConsoleAuthentication.Scheme, user.ToPrincipal(ConsoleAuthentication.Scheme));
        var masked = UserIds.Mask(user.Id);
        logger.SignedIn(masked, user.Role, method);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), user.Id, AuditArea.Console, "signed-in", null, "console", $"{method}，{user.Describe()}"), http.RequestAborted);
        return TypedResults.Redirect(LocalConsoleUrl(returnUrl));
    }

    private static RedirectHttpResult BackToSignIn(string error, string? returnUrl) =>
        TypedResults.Redirect($"{SignInPath}?error={error}&returnUrl={Uri.EscapeDataString(LocalConsoleUrl(returnUrl))}");

    /// <summary>A console page of this site to return to; anything else (another site, <c>//host</c>) is the overview.</summary>
    internal static string LocalConsoleUrl(string? returnUrl) =>
        returnUrl is not null && (returnUrl == "/console" || returnUrl.StartsWith("/console/", StringComparison.Ordinal))
        && !returnUrl.Contains("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : "/console";

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

}
