using ChatPost.Bot.Console.Broadcasts;
using ChatPost.Bot.Console.Components;
using ChatPost.Bot.Console.Import;
using ChatPost.Bot.Console.Overview;
using ChatPost.Bot.Console.Records;
using ChatPost.Bot.Console.Sandbox;
using ChatPost.Bot.Console.SignIn;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace ChatPost.Bot.Console;

public static class ConsoleExtensions
{
    /// <summary>
    /// The web console under <c>/console</c>: Razor components rendered on the server (static rendering, no
    /// circuit: any replica serves any request), its cookie and policies (<see cref="ConsolePolicies"/>), antiforgery,
    /// data-protection keys shared through Redis, and the sign-in with WeCom or the admin key.
    /// </summary>
    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The stylesheets and script live in wwwroot/ and the components' scoped CSS bundle: published, they are files
        // under wwwroot; from a build (dotnet run, the tests) the framework finds them through its manifest, which it
        // reads by itself only in Development.
        if (builder.Environment is IWebHostEnvironment web)
        {
            StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        }

        builder.Services.AddRazorComponents();
        // The pages are Chinese: write their characters as they are, not as &#x…; entities (a third of the bytes).
        // Markup characters (< > & " ') are still encoded.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddCascadingAuthenticationState();
        builder.AddConsoleAuthentication();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<WeComSignIn>();
        builder.Services.AddSingleton<ServiceStateReader>();
        builder.Services.AddSingleton<ConsoleBroadcasts>();
        builder.Services.AddSingleton<RecordLookup>();
        builder.Services.AddSingleton<ConsoleImport>();
        // Scoped: the bots are transient, resolved for each page request as the callback endpoints resolve them.
        builder.Services.AddScoped<ConsoleSandbox>();
        return builder;
    }

    /// <summary>
    /// The console's middleware (authorization, antiforgery), its pages and assets, and the sign-in endpoints.
    /// Pages come from the components under <c>Console/Components/Pages</c>.
    /// </summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        app.MapSignInEndpoints(app.Environment);
        app.MapChartEndpoints();
        app.MapPreviewEndpoints();
        app.MapTemplateEndpoints();
        return app;
    }
}
