using System.Text;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>
/// A message for a WeCom group robot (WECHAT.md §5): <see cref="Text"/>, <see cref="Markdown"/> or
/// <see cref="Image"/>, and nothing else. <see cref="object.ToString"/> shows the kind and size only, never the
/// content, so that a message that ends up in a log does not leak what it says.
/// </summary>
public abstract record RobotMessage
{
    private RobotMessage()
    {
    }

    /// <summary>The wire name of the kind: <c>text</c>, <c>markdown</c> or <c>image</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// Plain text. Content over <see cref="RobotMessageSplitter.TextMaxBytes"/> UTF-8 bytes is sent as several
    /// messages; mentions go with the first.
    /// </summary>
    /// <param name="Content">The text; must not be empty or blank. May contain <c>&lt;@userid&gt;</c> mentions.</param>
    /// <param name="MentionedUserIds">WeCom user ids to @, or <c>@all</c>; null or empty for none.</param>
    /// <param name="MentionedMobiles">Phone numbers to @ when user ids are unknown, or <c>@all</c>; null or empty for none.</param>
    public sealed record Text(string Content, IReadOnlyList<string>? MentionedUserIds = null, IReadOnlyList<string>? MentionedMobiles = null)
        : RobotMessage
    {
        public override string Kind => "text";

        public override string ToString() => $"text ({Encoding.UTF8.GetByteCount(Content)} bytes)";
    }

    /// <summary>
    /// WeCom's markdown subset (headings, bold, links, inline code, quotes, <c>&lt;font color="info|comment|warning"&gt;</c>).
    /// Content over <see cref="RobotMessageSplitter.MarkdownMaxBytes"/> UTF-8 bytes is sent as several messages.
    /// </summary>
    public sealed record Markdown(string Content) : RobotMessage
    {
        public override string Kind => "markdown";

        public override string ToString() => $"markdown ({Encoding.UTF8.GetByteCount(Content)} bytes)";
    }

    /// <summary>
    /// A PNG or JPG image of at most <see cref="MaxBytes"/> bytes. Anything larger or of another format is refused
    /// before sending, as a permanent failure.
    /// </summary>
    /// <param name="Bytes">The file's bytes, as they are (not base64).</param>
    public sealed record Image(ReadOnlyMemory<byte> Bytes) : RobotMessage
    {
        /// <summary>WeCom's limit: 2 MB before base64.</summary>
        public const int MaxBytes = 2 * 1024 * 1024;

        public override string Kind => "image";

        public override string ToString() => $"image ({Bytes.Length} bytes)";
    }
}
