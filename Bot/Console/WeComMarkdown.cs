using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatPost.Bot.Console;

/// <summary>
/// Shows a group-robot message as WeCom shows it: the markdown subset WeCom renders (headings, bold, links, inline
/// code, quotes, <c>&lt;font color="info|comment|warning"&gt;</c>) becomes HTML, and everything else stays text.
/// Every character of the input is HTML-encoded; only the tags this class writes reach the page.
/// </summary>
public static partial class WeComMarkdown
{
    /// <summary>Markdown as WeCom renders it, as safe HTML.</summary>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder(markdown.Length * 2);
        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (Heading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups[1].Length;
                html.Append("<div class=\"wc-h").Append(level).Append("\">").Append(Inline(heading.Groups[2].Value)).Append("</div>");
            }
            else if (line.StartsWith('>'))
            {
                html.Append("<div class=\"wc-quote\">").Append(Inline(line[1..].TrimStart())).Append("</div>");
            }
            else if (line.Length == 0)
            {
                html.Append("<div class=\"wc-gap\"></div>");
            }
            else
            {
                html.Append("<div>").Append(Inline(line)).Append("</div>");
            }
        }

        return html.ToString();
    }

    /// <summary>Plain text as WeCom shows it: every character as typed, line breaks kept.</summary>
    public static string TextToHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join("<br>", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(WebUtility.HtmlEncode));
    }

    private static string Inline(string text)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in Span().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..match.Index]));
            if (match.Groups["color"].Success)
            {
                html.Append("<span class=\"wc-").Append(match.Groups["color"].Value).Append("\">").Append(Inline(match.Groups["colored"].Value)).Append("</span>");
            }
            else if (match.Groups["bold"].Success)
            {
                html.Append("<strong>").Append(Inline(match.Groups["bold"].Value)).Append("</strong>");
            }
            else if (match.Groups["url"].Success)
            {
                html.Append("<a href=\"").Append(WebUtility.HtmlEncode(match.Groups["url"].Value)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">")
                    .Append(WebUtility.HtmlEncode(match.Groups["label"].Value)).Append("</a>");
            }
            else
            {
                html.Append("<code>").Append(WebUtility.HtmlEncode(match.Groups["code"].Value)).Append("</code>");
            }

            at = match.Index + match.Length;
        }

        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    [GeneratedRegex("^(#{1,6})\\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex("<font color=\"(?<color>info|comment|warning)\">(?<colored>.*?)</font>|\\*\\*(?<bold>.+?)\\*\\*|\\[(?<label>[^\\]]+)\\]\\((?<url>https?://[^)\\s]+)\\)|`(?<code>[^`]+)`")]
    private static partial Regex Span();
}
