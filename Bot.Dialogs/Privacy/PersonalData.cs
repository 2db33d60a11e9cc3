using System.Text.RegularExpressions;

namespace ChatPost.Bot.Dialogs.Privacy;

/// <summary>
/// Masks personal data in what the bot shows: anyone who knows a number can ask about it, so a reply must not
/// reveal who the receiver is.
/// </summary>
public static partial class PersonalData
{
    private static readonly string[] OrganisationMarks =
        ["公司", "厂", "店", "中心", "局", "院", "校", "学", "部", "社", "所", "行", "站", "馆", "处", "委", "会", "集团", "银行", "医药"];

    /// <summary><c>13800001234</c> → <c>138****1234</c>; anything that is not an 11-digit mobile number is returned as is.</summary>
    public static string MaskPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return phone.Length == 11 && phone.All(char.IsAsciiDigit) ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)) : phone;
    }

    /// <summary>A person's name keeps its first character (<c>张三丰</c> → <c>张**</c>); an organisation's name is shown whole.</summary>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || OrganisationMarks.Any(mark => name.Contains(mark, StringComparison.Ordinal)))
        {
            return name;
        }

        return name[0] + new string('*', Math.Max(1, name.Length - 1));
    }

    /// <summary>
    /// Masks what free text from a scan may carry: mobile numbers anywhere, and the name after
    /// 签收人/收件人/收货人/代收人 (with or without a colon).
    /// </summary>
    public static string MaskText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Mobile().Replace(text, match => MaskPhone(match.Value));
        return NamedPerson().Replace(masked, match => match.Groups["role"].Value + match.Groups["sep"].Value + MaskName(match.Groups["name"].Value));
    }

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<role>签收人|收件人|收货人|代收人|收件者)(?<sep>[:：\s]*)(?<name>[\u4e00-\u9fff]{2,4})")]
    private static partial Regex NamedPerson();
}
