namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>The seventeen city branches of the province (市州), in the province's customary order.</summary>
public static class Cities
{
    public static readonly IReadOnlyList<string> All =
        ["武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州", "恩施", "仙桃", "潜江", "天门", "神农架"];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>True for one of the seventeen names exactly as in <see cref="All"/>.</summary>
    public static bool IsCity(string? name) => name is not null && Known.Contains(name);
}
