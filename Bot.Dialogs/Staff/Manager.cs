namespace ChatPost.Bot.Dialogs.Staff;

/// <summary>A member allowed to broadcast (config <c>Managers</c>).</summary>
/// <param name="UserId">The WeCom UserID.</param>
/// <param name="Scope"><c>province</c>, or the one city (as in <c>Cities.All</c>) the manager may reach.</param>
public sealed record Manager(string UserId, string Name, string Scope)
{
    public const string Province = "province";

    public bool IsProvince => Scope == Province;
}
