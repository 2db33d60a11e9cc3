using Microsoft.AspNetCore.Authorization;

namespace ChatPost.Bot.Console;

/// <summary>
/// The console's authorization policies, by name. Each names the console's cookie scheme itself, so any endpoint of
/// the service can reuse them: <c>.RequireAuthorization(ConsolePolicies.Operator)</c> lets only a signed-in operator
/// in, and sends anyone else to the console's sign-in page.
/// </summary>
public static class ConsolePolicies
{
    /// <summary>Anyone signed in to the console: the overview and records.</summary>
    public const string SignedIn = "console:signed-in";

    /// <summary>Managers and operators: broadcasts (within their scope) and the bot sandbox.</summary>
    public const string Manager = "console:manager";

    /// <summary>Province scope: a province manager or an operator (the audit trail, the daily announcement).</summary>
    public const string Province = "console:province";

    /// <summary>Operators only (the holders of <c>Admin:ApiKey</c>): imports, and whatever else runs the service.</summary>
    public const string Operator = "console:operator";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, policy => Require(policy, _ => true));
        options.AddPolicy(Manager, policy => Require(policy, user => user.MayBroadcast));
        options.AddPolicy(Province, policy => Require(policy, user => user.MayBroadcast && user.IsProvince));
        options.AddPolicy(Operator, policy => Require(policy, user => user.Role == ConsoleRole.Operator));
    }

    private static void Require(AuthorizationPolicyBuilder policy, Func<ConsoleUser, bool> allowed) => policy
        .AddAuthenticationSchemes(ConsoleAuthentication.Scheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => ConsoleUser.From(context.User) is { } user && allowed(user));
}
