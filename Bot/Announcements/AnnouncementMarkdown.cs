using System.Text.RegularExpressions;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Renders the announcement's markdown (the group robot's dialect, with <c>&lt;font color&gt;</c>; see
/// <see cref="DailyProgressComposer"/>) for places that lack its colours: the 智能机器人's <c>markdown_v2</c>, which has no
/// font colours (WECOM-ROBOT.md §6.2), and plain text.
/// </summary>
public static partial class AnnouncementMarkdown
{
    /// <summary>
    /// <c>markdown_v2</c>: an up (<c>info</c>) or down (<c>warning</c>) in bold, a grey note (<c>comment</c>) in italics;
    /// any other font tag and any <c>&lt;@userid&gt;</c> mention dropped, their text kept.
    /// </summary>
    public static string ToMarkdownV2(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var colourless = Font().Replace(markdown, match => match.Groups["color"].Value switch
        {
            "info" or "warning" => $"**{match.Groups["text"].Value}**",
            "comment" => $"*{match.Groups["text"].Value}*",
            _ => match.Groups["text"].Value,
        });
        return Mention().Replace(colourless, "");
    }

    /// <summary>Plain text: no font tags or mentions, no emphasis marks, no heading or quote markers.</summary>
    public static string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = Mention().Replace(Font().Replace(markdown, match => match.Groups["text"].Value), "");
        return LineMarker().Replace(text.Replace("**", "", StringComparison.Ordinal), "");
    }

    [GeneratedRegex("""<font color="(?<color>[a-z]*)">(?<text>.*?)</font>""", RegexOptions.Singleline)]
    private static partial Regex Font();

    [GeneratedRegex("<@[^>\n]*>")]
    private static partial Regex Mention();

    [GeneratedRegex("^(#{1,6} |> ?)", RegexOptions.Multiline)]
    private static partial Regex LineMarker();
}
