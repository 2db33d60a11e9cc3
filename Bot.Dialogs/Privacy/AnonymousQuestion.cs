using System.Text.RegularExpressions;

namespace ChatPost.Bot.Dialogs.Privacy;

/// <summary>
/// A citizen's question with everything personal taken out, so that it can be kept and shown to staff: every number and
/// code (tracking numbers, phones, taxpayer IDs, application numbers, ID cards, an OpenID, an e-mail address; spaced,
/// dashed or spoken as Chinese numerals) becomes <c>#</c>, and a person's name becomes <c>某</c>. What stays are the words of
/// the question, the public service numbers everybody may know (12123, 11183, 11185, 12366, 12345) and numbers of one or
/// two digits (dates, days, counts), which name nobody.
/// </summary>
public static partial class AnonymousQuestion
{
    /// <summary>The longest anonymous question kept; longer text is cut.</summary>
    public const int MaxLength = 100;

    private static readonly HashSet<string> PublicNumbers = new(StringComparer.Ordinal) { "12123", "11183", "11185", "12366", "12345" };

    /// <summary><paramref name="text"/> (the recogniser's normalised message) without anything personal, trimmed and cut to <see cref="MaxLength"/>.</summary>
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var anonymous = Codes().Replace(text, match => Keeps(match.Value) ? match.Value : "#");
        anonymous = SpokenNumber().Replace(anonymous, "#");
        anonymous = NamedAfterCue().Replace(anonymous, match => match.Groups["cue"].Value + "某");
        anonymous = NamedBeforeTitle().Replace(anonymous, match => "某" + match.Groups["title"].Value);
        anonymous = Repeated().Replace(anonymous, "#").Trim();
        return anonymous.Length <= MaxLength ? anonymous : anonymous[..MaxLength];
    }

    private static bool Keeps(string code)
    {
        var digits = code.Count(char.IsAsciiDigit);
        return !code.Contains('@') && (digits == 0 && code.Length < 20 || digits == code.Length && digits <= 2
            || code.All(char.IsAsciiLetterOrDigit) && PublicNumbers.Contains(string.Concat(code.Where(char.IsAsciiDigit))));
    }

    // A run of letters, digits and the marks codes carry, spaces and dashes between its parts included ("138 0000 1234").
    [GeneratedRegex(@"[A-Za-z0-9_@.+\-]+(?:[\s\-]+[A-Za-z0-9_@.+\-]*\d[A-Za-z0-9_@.+\-]*)*", RegexOptions.CultureInvariant)]
    private static partial Regex Codes();

    // Digits said aloud, as voice recognition writes them: five or more in a row.
    [GeneratedRegex("[零〇一二三四五六七八九幺两]{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex SpokenNumber();

    // 我叫张伟, 我是王芳, 姓名李娜, 收件人：赵四: the two or three characters after the cue, up to what follows a name.
    [GeneratedRegex(@"(?<cue>我叫|我的名字是|名字叫|名字是|姓名[:：]?|收件人[:：]?|签收人[:：]?|收货人[:：]?|联系人[:：]?|我是(?=[" + Surnames + "]))" +
        @"[\u4e00-\u9fff]{2,3}?(?=$|[\s,，.。!！?？:：;；#]|想|要|的|在|问|我|你|是|了|说|办|查|寄|收|电话|手机|身份证)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedAfterCue();

    // 王先生, 李女士, 张老师: a surname and up to two more characters before a title.
    [GeneratedRegex("[" + Surnames + @"][\u4e00-\u9fff]{0,2}?(?<title>先生|女士|小姐|老师|师傅|同志|大爷|阿姨)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedBeforeTitle();

    [GeneratedRegex("#(?:[\\s#]*#)+", RegexOptions.CultureInvariant)]
    private static partial Regex Repeated();

    // The commonest surnames, which cover most people.
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
}
