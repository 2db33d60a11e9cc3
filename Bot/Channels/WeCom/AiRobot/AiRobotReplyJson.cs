using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// The plaintext JSON of the 智能机器人's answers (WECOM-ROBOT.md §4–5): streams (with a confirmation card when the
/// reply offers actions), the welcome text, card updates, the encrypted envelope, and the response_url's markdown.
/// </summary>
public static class AiRobotReplyJson
{
    /// <summary>The limit of a stream's <c>content</c> and of a markdown message, in UTF-8 bytes.</summary>
    public const int MaxContentBytes = 20_480;

    /// <summary>At most this many images in a finished stream.</summary>
    public const int MaxImages = 10;

    // The body is encrypted and never shown in HTML: no need to escape Chinese as \uXXXX, which would triple its size.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A stream reply: <c>stream</c>, or <c>stream_with_template_card</c> when <paramref name="actions"/> are offered (a
    /// button card whose <c>task_id</c> is the stream id). <paramref name="images"/> (a JSON array of <c>msg_item</c>)
    /// only in a finished stream.
    /// </summary>
    public static string Stream(string id, bool finish, string content, string? images = null, IReadOnlyList<string>? actions = null) =>
        Write(writer =>
        {
            var withCard = actions is { Count: > 0 };
            writer.WriteString("msgtype", withCard ? "stream_with_template_card" : "stream");
            writer.WriteStartObject("stream");
            writer.WriteString("id", id);
            writer.WriteBoolean("finish", finish);
            writer.WriteString("content", Cut(content));
            if (finish && images is { Length: > 0 })
            {
                writer.WritePropertyName("msg_item");
                writer.WriteRawValue(images, skipInputValidation: true);
            }

            writer.WriteEndObject();
            if (withCard)
            {
                writer.WritePropertyName("template_card");
                WriteCard(writer, id, AiRobotReplies.CardTitle, null, actions!);
            }
        });

    /// <summary>The answer to <c>enter_chat</c>: the only time a passive text is allowed.</summary>
    public static string Text(string content) => Write(writer =>
    {
        writer.WriteString("msgtype", "text");
        writer.WriteStartObject("text");
        writer.WriteString("content", Cut(content));
        writer.WriteEndObject();
    });

    /// <summary>
    /// The answer to a card click: the card <paramref name="taskId"/> shows <paramref name="content"/> — for
    /// <paramref name="userIds"/> only when given (the others keep theirs), with the buttons of <paramref name="actions"/> (none: done).
    /// </summary>
    public static string UpdateCard(string taskId, string content, IReadOnlyList<string>? userIds, IReadOnlyList<string> actions) => Write(writer =>
    {
        writer.WriteString("response_type", "update_template_card");
        if (userIds is { Count: > 0 })
        {
            writer.WriteStartArray("userids");
            foreach (var userId in userIds)
            {
                writer.WriteStringValue(userId);
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("template_card");
        WriteCard(writer, taskId, AiRobotReplies.CardTitle, content, actions);
    });

    /// <summary>The markdown message posted to a response_url.</summary>
    public static string Markdown(string content) => Write(writer =>
    {
        writer.WriteString("msgtype", "markdown");
        writer.WriteStartObject("markdown");
        writer.WriteString("content", Cut(content));
        writer.WriteEndObject();
    });

    /// <summary>The encrypted envelope of every answer; the timestamp as a string, as the official library writes it.</summary>
    public static string Envelope(SealedReply sealedReply) => Write(writer =>
    {
        writer.WriteString("encrypt", sealedReply.Encrypt);
        writer.WriteString("msgsignature", sealedReply.Signature);
        writer.WriteString("timestamp", sealedReply.Timestamp);
        writer.WriteString("nonce", sealedReply.Nonce);
    });

    /// <summary>Images (PNG or JPG bytes, at most <see cref="MaxImages"/>) as WeCom's <c>msg_item</c> array: base64 and the MD5 of the bytes; null for none.</summary>
    public static string? Images(IReadOnlyList<byte[]> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var image in images.Take(MaxImages))
            {
                writer.WriteStartObject();
                writer.WriteString("msgtype", "image");
                writer.WriteStartObject("image");
                writer.WriteBase64String("base64", image);
#pragma warning disable CA5351 // WeCom's protocol asks for the MD5 of the image: a checksum, not security.
                writer.WriteString("md5", Convert.ToHexStringLower(MD5.HashData(image)));
#pragma warning restore CA5351
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The key of an action's button: its text in hex, so that any text survives WeCom's key rules.</summary>
    public static string ActionKey(string action) => Convert.ToHexString(Encoding.UTF8.GetBytes(action));

    /// <summary>The action a button key stands for; null for a key that is not one of ours.</summary>
    public static string? ActionOf(string? key)
    {
        if (key is null || key.Length is 0 or > 512 || key.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromHexString(key));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Content within <see cref="MaxContentBytes"/>, cut at a line or sentence with a note when it had to be.</summary>
    private static string Cut(string content)
    {
        var kept = GroupRobot.RobotMessageSplitter.Truncate(content, MaxContentBytes, markdown: true);
        return kept.Length == content.Length
            ? kept
            : GroupRobot.RobotMessageSplitter.Truncate(content, MaxContentBytes - Encoding.UTF8.GetByteCount(AiRobotReplies.Truncated), markdown: true)
                + AiRobotReplies.Truncated;
    }

    private static void WriteCard(Utf8JsonWriter writer, string taskId, string title, string? content, IReadOnlyList<string> actions)
    {
        writer.WriteStartObject();
        writer.WriteString("card_type", "button_interaction");
        writer.WriteStartObject("main_title");
        writer.WriteString("title", title);
        writer.WriteEndObject();
        if (content is not null)
        {
            writer.WriteString("sub_title_text", Cut(content));
        }

        writer.WriteStartArray("button_list");
        foreach (var (action, index) in actions.Take(6).Select((action, index) => (action, index)))
        {
            writer.WriteStartObject();
            writer.WriteString("text", action);
            writer.WriteNumber("style", index == 0 ? 1 : 2);
            writer.WriteString("key", ActionKey(action));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("task_id", taskId);
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
