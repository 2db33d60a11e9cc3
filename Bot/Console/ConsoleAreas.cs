namespace ChatPost.Bot.Console;

/// <summary>One entry of the console's navigation: a page area, its address and who sees it.</summary>
/// <param name="Policy">One of <see cref="ConsolePolicies"/>: the area's pages carry the same policy.</param>
public sealed record ConsoleArea(string Title, string Href, string Policy);

/// <summary>
/// The console's page areas, in navigation order. A new area is one entry here and its pages under
/// <c>Components/Pages/&lt;Area&gt;/</c> (each <c>@page "/console/…"</c> with <c>[Authorize(Policy = …)]</c>).
/// </summary>
public static class ConsoleAreas
{
    public static readonly IReadOnlyList<ConsoleArea> All =
    [
        new("总览", "/console", ConsolePolicies.SignedIn),
        new("通报与广播", "/console/broadcasts", ConsolePolicies.Manager),
        new("查询", "/console/records", ConsolePolicies.SignedIn),
        new("导入", "/console/import", ConsolePolicies.Operator),
        new("对话测试", "/console/try", ConsolePolicies.Manager),
        new("知识库", "/console/knowledge", ConsolePolicies.Operator),
        new("审计", "/console/audit", ConsolePolicies.Province),
    ];
}
