using System.Globalization;
using System.Text;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>
/// Splits text and markdown that exceed WeCom's byte limits (WECHAT.md §5) into several messages, each within the
/// limit with its continuation markers: parts after the first start with <see cref="ContinuationHeader"/>
/// (<c>（续 2/3）</c> and a line break), parts before the last end with <see cref="MoreFollows"/>.
/// Cuts fall at a line break when one lies in the second half of a part, else after a Chinese sentence end, else
/// at a space or Chinese comma, else between any two characters; never inside a UTF-8 sequence, a surrogate
/// pair or a grapheme cluster (an emoji with its modifiers stays whole), and never inside a <c>&lt;@userid&gt;</c>
/// mention or, in markdown, a <c>&lt;font&gt;…&lt;/font&gt;</c> span, link, <c>**bold**</c> or <c>`code`</c>
/// unless one of them alone is longer than a part. A font span that long is closed at the cut and reopened in
/// the next part. The line break or space at a cut is dropped: the markers put a line break there.
/// </summary>
public static partial class RobotMessageSplitter
{
    /// <summary>WeCom's limit on a text message's content, in UTF-8 bytes.</summary>
    public const int TextMaxBytes = 2048;

    /// <summary>WeCom's limit on a markdown message's content, in UTF-8 bytes.</summary>
    public const int MarkdownMaxBytes = 4096;

    /// <summary>The smallest limit <see cref="SplitContent"/> accepts: the markers need room.</summary>
    public const int MinMaxBytes = 64;

    /// <summary>Ends every part but the last (25 bytes).</summary>
    public const string MoreFollows = "\n（未完，见下条）";

    private static readonly int MoreFollowsBytes = Encoding.UTF8.GetByteCount(MoreFollows);

    /// <summary>Starts part <paramref name="part"/> (from 2) of <paramref name="parts"/>.</summary>
    public static string ContinuationHeader(int part, int parts) =>
        string.Create(CultureInfo.InvariantCulture, $"（续 {part}/{parts}）\n");

    /// <summary>
    /// The messages to send for <paramref name="message"/>, in order: the message itself when it fits (and for
    /// images), otherwise its parts. Mentions of a text message go with the first part only.
    /// </summary>
    public static IReadOnlyList<RobotMessage> Split(RobotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message switch
        {
            RobotMessage.Text text => Parts(text, text.Content, TextMaxBytes, markdown: false,
                (content, first) => first ? text with { Content = content } : new RobotMessage.Text(content)),
            RobotMessage.Markdown markdown => Parts(markdown, markdown.Content, MarkdownMaxBytes, markdown: true,
                (content, _) => new RobotMessage.Markdown(content)),
            _ => [message],
        };
    }

    private static IReadOnlyList<RobotMessage> Parts(RobotMessage message, string content, int maxBytes, bool markdown,
        Func<string, bool, RobotMessage> create)
    {
        var parts = SplitContent(content, maxBytes, markdown);
        return parts is [var only] && only == content ? [message] : [.. parts.Select((part, index) => create(part, index == 0))];
    }

    /// <summary>
    /// <paramref name="content"/> as one or more parts of at most <paramref name="maxBytes"/> UTF-8 bytes each,
    /// markers included. Content that fits comes back as it is, without markers. Lone surrogates (which UTF-8
    /// cannot carry) become U+FFFD. <paramref name="markdown"/> protects markdown constructs from cuts.
    /// </summary>
    public static IReadOnlyList<string> SplitContent(string content, int maxBytes, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, MinMaxBytes);
        content = WithoutLoneSurrogates(content);
        if (Encoding.UTF8.GetByteCount(content) <= maxBytes)
        {
            return [content];
        }

        // The header's width depends on the number of parts: assume one digit, and widen while that is too few.
        for (var digits = 1; ; digits++)
        {
            var largest = (int)Math.Min(Math.Pow(10, digits) - 1, int.MaxValue);
            var chunks = Chunk(content, maxBytes, markdown, Encoding.UTF8.GetByteCount(ContinuationHeader(largest, largest)), largest);
            if (chunks is not null)
            {
                return Mark(chunks);
            }
        }
    }

    /// <summary>
    /// The beginning of <paramref name="content"/> that fits <paramref name="maxBytes"/> UTF-8 bytes, cut where
    /// <see cref="SplitContent"/> would cut its first part (never inside a character, nor inside a markdown construct
    /// when <paramref name="markdown"/>); the content itself when it fits. For messages that cannot be split, such as a
    /// 智能机器人 stream.
    /// </summary>
    public static string Truncate(string content, int maxBytes, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(content);
        content = WithoutLoneSurrogates(content);
        return Encoding.UTF8.GetByteCount(content) <= maxBytes ? content : TakePart(content, maxBytes, markdown).Chunk;
    }

    /// <summary>The parts without markers, or null when there would be more than <paramref name="largest"/>.</summary>
    private static List<string>? Chunk(string content, int maxBytes, bool markdown, int headerBytes, int largest)
    {
        var chunks = new List<string>();
        var rest = content;
        while (chunks.Count < largest)
        {
            var header = chunks.Count == 0 ? 0 : headerBytes;
            if (Encoding.UTF8.GetByteCount(rest) + header <= maxBytes)
            {
                chunks.Add(rest);
                return chunks;
            }

            var budget = maxBytes - header - MoreFollowsBytes;
            if (budget < 16)
            {
                throw new ArgumentException($"The content needs more parts than a limit of {maxBytes} bytes leaves room to number.", nameof(maxBytes));
            }

            var (chunk, next) = TakePart(rest, budget, markdown);
            chunks.Add(chunk);
            rest = next;
        }

        return null;
    }

    private static List<string> Mark(List<string> chunks)
    {
        var parts = new List<string>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var header = i == 0 ? "" : ContinuationHeader(i + 1, chunks.Count);
            var footer = i == chunks.Count - 1 ? "" : MoreFollows;
            parts.Add(header + chunks[i] + footer);
        }

        return parts;
    }

    private static string WithoutLoneSurrogates(string content)
    {
        if (content.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return content;
        }

        var builder = new StringBuilder(content.Length);
        foreach (var rune in content.EnumerateRunes())
        {
            builder.Append(rune.ToString()); // EnumerateRunes yields U+FFFD for a lone surrogate
        }

        return builder.ToString();
    }
}
