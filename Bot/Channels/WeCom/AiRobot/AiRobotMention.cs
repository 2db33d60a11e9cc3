namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// Cuts the @-mention of the robot from what people wrote: WeCom keeps it in the text, wherever it was typed, often
/// followed by an odd space (U+2005) or at the end (WECOM-ROBOT.md §3.3, §8.9).
/// </summary>
public static class AiRobotMention
{
    private static readonly char[] OddSpaces = ['\u2005', '\u2002', '\u2003', '\u2009', '\u00A0', '\u3000', '\u200B'];

    /// <summary>
    /// <paramref name="text"/> without any <c>@name</c> (or full-width <c>＠name</c>), its odd spaces made plain, trimmed.
    /// With no <paramref name="name"/> configured, only a leading <c>@word</c> is cut.
    /// </summary>
    public static string Strip(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        var plain = string.Join(' ', text.Split(OddSpaces));
        if (name.Length > 0)
        {
            plain = plain.Replace("@" + name, " ", StringComparison.Ordinal).Replace("＠" + name, " ", StringComparison.Ordinal);
        }
        else if (plain.TrimStart() is ['@' or '＠', ..] mentioned)
        {
            var end = mentioned.IndexOf(' ', StringComparison.Ordinal);
            plain = end < 0 ? "" : mentioned[end..];
        }

        return plain.Trim();
    }
}
