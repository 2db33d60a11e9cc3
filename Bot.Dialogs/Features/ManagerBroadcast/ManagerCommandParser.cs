using System.Globalization;
using System.Text.RegularExpressions;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Dialogs.Features.ManagerBroadcast;

/// <summary>
/// Reads manager commands in WeCom chat. Grammar: <c>[定时 &lt;when&gt;] (通报|广播) [城市 城市…：] 内容</c>, where
/// <c>&lt;when&gt;</c> is <c>HH:mm</c>, <c>今天/明天/后天HH:mm</c>, <c>M月D日 HH:mm</c> or <c>yyyy-MM-dd HH:mm</c> (China time);
/// plus 确认, 取消 and 撤回…. Traditional script and full-width characters are folded first.
/// </summary>
public static partial class ManagerCommandParser
{
    /// <summary>The command in <paramref name="text"/>, or null when it is none (a progress question, say).</summary>
    public static ManagerCommand? Parse(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Commands are read on the folded text (Simplified, half-width); the content is cut from what the manager
        // typed. Folding keeps every character's index, so positions carry over.
        var typed = text.Trim();
        var folded = ChineseScript.ToSimplified(typed);
        if (Confirm().IsMatch(folded))
        {
            return new ManagerCommand(ManagerCommandKind.Confirm);
        }

        if (Cancel().IsMatch(folded))
        {
            return new ManagerCommand(ManagerCommandKind.Cancel);
        }

        if (folded.StartsWith("撤回", StringComparison.Ordinal))
        {
            return new ManagerCommand(ManagerCommandKind.Recall);
        }

        DateTimeOffset? at = null;
        var start = 0;
        if (folded.StartsWith("定时", StringComparison.Ordinal))
        {
            var scheduled = Scheduled().Match(folded);
            at = scheduled.Success ? ReadTime(scheduled.Groups["when"].Value, now) : null;
            if (at is null || at <= now)
            {
                return new ManagerCommand(ManagerCommandKind.BadTime);
            }

            start = scheduled.Groups["rest"].Index;
        }

        var broadcast = Broadcast().Match(folded, start);
        if (!broadcast.Success)
        {
            return null;
        }

        var body = broadcast.Groups["body"];
        var (cities, content) = SplitCities(folded.Substring(body.Index, body.Length), typed.Substring(body.Index, body.Length));
        return content.Length == 0 ? null : new ManagerCommand(ManagerCommandKind.Broadcast, content, cities, at);
    }

    private static (IReadOnlyList<string> Cities, string Content) SplitCities(string folded, string typed)
    {
        var colon = folded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return ([], typed.Trim());
        }

        var names = folded[..colon].Split([' ', '、', ',', '和'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cities = names.Select(Canonical).ToList();
        return cities.All(city => city is not null) && cities.Count > 0
            ? ([.. cities.Select(city => city!)], typed[(colon + 1)..].Trim())
            : ([], typed.Trim());
    }

    // Unlike CityRecognizer, which finds a city anywhere in a message, a name before the colon must begin with the
    // city: "关于武汉的事：…" is content, not an address.
    private static string? Canonical(string name) =>
        Cities.All.FirstOrDefault(city => name == city || (name.StartsWith(city, StringComparison.Ordinal) && name.Length - city.Length <= 8));

    private static DateTimeOffset? ReadTime(string when, DateTimeOffset now)
    {
        var match = When().Match(when);
        if (!match.Success || !TimeOnly.TryParseExact(match.Groups["time"].Value.Replace('：', ':'), ["H:mm", "HH:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }

        // A named day is read as the citizens' dates are (impossible dates refused, a month and day in the nearest
        // year); a bare time is today's, or tomorrow's once it has passed: "08:00" said in the evening.
        var today = ChinaTime.Day(now);
        var named = match.Groups["date"].Value;
        var date = named.Length > 0 ? DateRecognizer.Find(named, today) : today;
        if (date is null)
        {
            return null;
        }

        var local = date.Value.ToDateTime(time);
        if (named.Length == 0 && local <= TimeZoneInfo.ConvertTime(now, ChinaTime.Zone).DateTime)
        {
            local = local.AddDays(1);
        }

        return new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local));
    }

    [GeneratedRegex(@"^(确认|确定|确认发送|发送)[。!！]?$")]
    private static partial Regex Confirm();

    [GeneratedRegex(@"^(取消|算了|不发了|取消发送)[。!！]?$")]
    private static partial Regex Cancel();

    [GeneratedRegex(@"^定时\s*(?<when>\S{0,12}?\s?\d{1,2}[:：]\d{2})\s*(?<rest>.+)$")]
    private static partial Regex Scheduled();

    [GeneratedRegex(@"^(?<date>今天|明天|后天|\d{4}-\d{2}-\d{2}|\d{1,2}月\d{1,2}[日号])?\s*(?<time>\d{1,2}[:：]\d{2})$")]
    private static partial Regex When();

    [GeneratedRegex(@"\G(通报|广播|群发)[\s:：]*(?<body>.+)$", RegexOptions.Singleline)]
    private static partial Regex Broadcast();
}
