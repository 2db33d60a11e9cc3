using System.Security.Claims;
using ChatPost.Bot.Dialogs.Staff;

namespace ChatPost.Bot.Console;

/// <summary>
/// The person signed in to the console, as the cookie carries them. Only the UserID, role and scope are kept: a
/// manager's scope is read again from <c>Managers</c> on every request (the cookie's <c>OnValidatePrincipal</c> in <see cref="ConsoleAuthentication"/>), so that
/// removing a manager takes effect without waiting for their cookie to expire.
/// </summary>
/// <param name="Id">The WeCom UserID, or <see cref="OperatorId"/> for the admin-key operator.</param>
/// <param name="Scope"><c>province</c>, a city, or null for staff who are not managers.</param>
public sealed record ConsoleUser(string Id, string Name, ConsoleRole Role, string? Scope)
{
    /// <summary>The id of whoever signed in with <c>Admin:ApiKey</c> (or the demo sign-in); the actor of their audit lines.</summary>
    public const string OperatorId = ChatPost.Bot.Broadcasts.BroadcastService.ConsoleOperatorActor;

    public const string RoleClaim = "chatpost:role";
    public const string ScopeClaim = "chatpost:scope";

    /// <summary>May reach every group and see every broadcast.</summary>
    public bool IsProvince => Role == ConsoleRole.Operator || Scope == Manager.Province;

    /// <summary>May send broadcasts (within <see cref="Scope"/>).</summary>
    public bool MayBroadcast => Role >= ConsoleRole.Manager;

    /// <summary>The manager id that broadcasts are requested by: null for the operator, whom the policy treats as province scope.</summary>
    public string? ManagerId => Role == ConsoleRole.Operator ? null : Id;

    /// <summary>Words for the header: who this is and what they may reach.</summary>
    public string Describe() => Role switch
    {
        ConsoleRole.Operator => "运维（全省）",
        ConsoleRole.Manager => $"{Name}（{(IsProvince ? "全省" : Scope)}管理员）",
        _ => $"{Name}（只读）",
    };

    public ClaimsPrincipal ToPrincipal(string authenticationType) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Id),
        new Claim(ClaimTypes.Name, Name),
        new Claim(RoleClaim, Role.ToString()),
        .. Scope is null ? Array.Empty<Claim>() : [new Claim(ScopeClaim, Scope)],
    ], authenticationType, ClaimTypes.Name, RoleClaim));

    /// <summary>The user a console cookie carries; null for anyone else (not signed in, or a cookie of another shape).</summary>
    public static ConsoleUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id
            || !Enum.TryParse<ConsoleRole>(principal.FindFirstValue(RoleClaim), out var role))
        {
            return null;
        }

        return new ConsoleUser(id, principal.FindFirstValue(ClaimTypes.Name) ?? id, role, principal.FindFirstValue(ScopeClaim));
    }

    /// <summary>
    /// Who a WeCom UserID is in the console: a manager with their scope when <c>Managers</c> lists them, otherwise
    /// staff (read-only). WeCom only lets members of the corp sign in, so every UserID it vouches for is staff.
    /// </summary>
    public static ConsoleUser ForWeComUser(string userId, IStaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory.FindManager(userId) is { } manager
            ? new ConsoleUser(userId, string.IsNullOrEmpty(manager.Name) ? userId : manager.Name, ConsoleRole.Manager, manager.Scope)
            : new ConsoleUser(userId, userId, ConsoleRole.Staff, null);
    }

    /// <summary>The admin-key operator (or the demo sign-in).</summary>
    public static ConsoleUser Operator() => new(OperatorId, "运维", ConsoleRole.Operator, Manager.Province);
}
