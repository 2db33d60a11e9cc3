using ChatPost.Bot.Channels;

namespace ChatPost.Bot.Console.Sandbox;

/// <summary>Who says a line of the sandbox's conversation.</summary>
public enum SandboxSpeaker
{
    /// <summary>The person trying the bot.</summary>
    Me = 'u',

    /// <summary>A text reply of the bot.</summary>
    Bot = 'b',

    /// <summary>A news reply (图文消息): the first line is the title.</summary>
    News = 'n',

    /// <summary>The bot handed the conversation to a person (转接人工客服).</summary>
    Handoff = 'h',

    /// <summary>The turn missed WeChat's deadline: what it said later would come through the channel's API.</summary>
    Late = 'l',
}

/// <summary>
/// One line of the sandbox's conversation. The page keeps the conversation itself (each line a hidden form field, in
/// <see cref="ToField"/>'s form), so no replica holds anything per person between posts.
/// </summary>
public sealed record SandboxReply(SandboxSpeaker Who, string Text)
{
    /// <summary>Longest line kept in the page; the bot's longest replies are well under it.</summary>
    public const int MaxLength = 4000;

    private const char Separator = '\u001e';

    public static readonly SandboxReply Late = new(SandboxSpeaker.Late, "");

    /// <summary>A reply as WeChat shows it: its text, a news article's title and description, or the handoff.</summary>
    public static SandboxReply From(OutboundReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var (who, text) = reply.Kind switch
        {
            OutboundReplyKind.News => (SandboxSpeaker.News, string.Join('\n', reply.Articles.SelectMany(article =>
                new[] { article.Title, article.Description }.OfType<string>()))),
            OutboundReplyKind.Handoff => (SandboxSpeaker.Handoff, reply.Text ?? ""),
            _ => (SandboxSpeaker.Bot, reply.Text ?? ""),
        };
        return new(who, text.Length > MaxLength ? text[..MaxLength] : text);
    }

    public string ToField() => (char)Who + Text;

    /// <summary>A line the page posted back; null for anything that is not one.</summary>
    public static SandboxReply? FromField(string? field) =>
        field is { Length: > 0 and <= MaxLength + 1 } && Enum.IsDefined((SandboxSpeaker)field[0]) ? new((SandboxSpeaker)field[0], field[1..]) : null;

    /// <summary>What a turn said, as the one string the turn gate keeps for a repeated post.</summary>
    public static string Encode(IEnumerable<SandboxReply> replies) => string.Join(Separator, replies.Select(reply => reply.ToField()));

    public static IReadOnlyList<SandboxReply> Decode(string answer) =>
        [.. answer.Split(Separator, StringSplitOptions.RemoveEmptyEntries).Select(FromField).OfType<SandboxReply>()];
}
