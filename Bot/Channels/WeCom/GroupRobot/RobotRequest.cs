using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>The webhook's JSON body (WECHAT.md §5): <c>msgtype</c> and the object of that name.</summary>
internal sealed record RobotRequest(
    [property: JsonPropertyName("msgtype")] string MessageType,
    [property: JsonPropertyName("text")] RobotTextBody? Text = null,
    [property: JsonPropertyName("markdown")] RobotMarkdownBody? Markdown = null,
    [property: JsonPropertyName("image")] RobotImageBody? Image = null)
{
    public static RobotRequest From(RobotMessage message) => message switch
    {
        RobotMessage.Text text => new(text.Kind, Text: new(text.Content, NullIfEmpty(text.MentionedUserIds), NullIfEmpty(text.MentionedMobiles))),
        RobotMessage.Markdown markdown => new(markdown.Kind, Markdown: new(markdown.Content)),
        RobotMessage.Image image => new(image.Kind, Image: new(Convert.ToBase64String(image.Bytes.Span), Md5Hex(image.Bytes.Span))),
        _ => throw new UnreachableException("RobotMessage has only the three kinds above."),
    };

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string>? list) => list is { Count: > 0 } ? list : null;

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "WeCom's image message requires an MD5 checksum; nothing relies on it for security.")]
    private static string Md5Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
}

internal sealed record RobotTextBody(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("mentioned_list")] IReadOnlyList<string>? MentionedList,
    [property: JsonPropertyName("mentioned_mobile_list")] IReadOnlyList<string>? MentionedMobileList);

internal sealed record RobotMarkdownBody([property: JsonPropertyName("content")] string Content);

/// <param name="Base64">The image's bytes in base64.</param>
/// <param name="Md5">The MD5 of the bytes before base64, in hex.</param>
internal sealed record RobotImageBody(
    [property: JsonPropertyName("base64")] string Base64,
    [property: JsonPropertyName("md5")] string Md5);
