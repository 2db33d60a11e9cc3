using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// An inbound Official Account or WeCom message or event (WECHAT.md §1.8, §4.3), typed from a callback's fields.
/// Fields a message type does not carry are null; fields not listed here (e.g. <c>debug_str</c>) are dropped.
/// </summary>
/// <remarks><see cref="object.ToString"/> omits user names and content: they are personal data, not log material.</remarks>
public sealed record InboundMessage
{
    /// <summary>The receiving account: the Official Account's <c>gh_…</c> id, or the WeCom CorpID.</summary>
    public required string ToUserName { get; init; }

    /// <summary>The sender: the user's OpenID (Official Account) or member UserID (WeCom).</summary>
    public required string FromUserName { get; init; }

    /// <summary>When WeChat created the message, in Unix seconds.</summary>
    public required long CreateTime { get; init; }

    /// <summary><c>text</c>, <c>image</c>, <c>voice</c>, <c>video</c>, <c>shortvideo</c>, <c>location</c>, <c>link</c> or <c>event</c>, as sent.</summary>
    public required string MsgType { get; init; }

    /// <summary>The 64-bit message id; null for events, which have none.</summary>
    public long? MsgId { get; init; }

    /// <summary>The text of a <c>text</c> message, exactly as sent.</summary>
    public string? Content { get; init; }

    /// <summary>The media id of an image, voice or video (valid 3 days on WeCom).</summary>
    public string? MediaId { get; init; }

    /// <summary>The voice format, e.g. <c>amr</c> or <c>speex</c>.</summary>
    public string? Format { get; init; }

    /// <summary>Speech recognition text of a voice message; null unless recognition is enabled.</summary>
    public string? Recognition { get; init; }

    /// <summary>The picture URL of an image message.</summary>
    public string? PicUrl { get; init; }

    /// <summary>The thumbnail media id of a video or short video.</summary>
    public string? ThumbMediaId { get; init; }

    /// <summary>Latitude of a <c>location</c> message (<c>Location_X</c>).</summary>
    public double? LocationX { get; init; }

    /// <summary>Longitude of a <c>location</c> message (<c>Location_Y</c>).</summary>
    public double? LocationY { get; init; }

    /// <summary>Map zoom of a <c>location</c> message.</summary>
    public int? Scale { get; init; }

    /// <summary>Place description of a <c>location</c> message.</summary>
    public string? Label { get; init; }

    /// <summary>Title of a <c>link</c> message.</summary>
    public string? Title { get; init; }

    /// <summary>Description of a <c>link</c> message.</summary>
    public string? Description { get; init; }

    /// <summary>URL of a <c>link</c> message.</summary>
    public string? Url { get; init; }

    /// <summary>The event name, e.g. <c>subscribe</c>, <c>SCAN</c>, <c>LOCATION</c>, <c>CLICK</c>, <c>VIEW</c>, case as sent.</summary>
    public string? Event { get; init; }

    /// <summary>The event key: <c>qrscene_…</c> on a QR subscribe, the scene on SCAN, the button key or URL on CLICK/VIEW.</summary>
    public string? EventKey { get; init; }

    /// <summary>The QR-code ticket of a parametric subscribe or SCAN.</summary>
    public string? Ticket { get; init; }

    /// <summary>Latitude of a <c>LOCATION</c> event.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude of a <c>LOCATION</c> event.</summary>
    public double? Longitude { get; init; }

    /// <summary>Precision of a <c>LOCATION</c> event.</summary>
    public double? Precision { get; init; }

    /// <summary>The WeCom application id (<c>AgentID</c>), as sent; null for Official Accounts.</summary>
    public string? AgentId { get; init; }

    /// <summary>
    /// The key under which WeChat's retries of this delivery collide (WECHAT.md §1.9): the <see cref="MsgId"/> when
    /// present, else <c>FromUserName|CreateTime|Event</c>, with <c>|EventKey</c> appended when EventKey is non-empty
    /// (a missing Event counts as empty). Not prefixed per account or channel: storage adds that.
    /// </summary>
    public string DedupeKey => MsgId is { } id
        ? id.ToString(CultureInfo.InvariantCulture)
        : string.IsNullOrEmpty(EventKey)
            ? string.Create(CultureInfo.InvariantCulture, $"{FromUserName}|{CreateTime}|{Event}")
            : string.Create(CultureInfo.InvariantCulture, $"{FromUserName}|{CreateTime}|{Event}|{EventKey}");

    /// <summary>Builds a message from the fields read by <see cref="WeChatXml.TryReadFields(string, out IReadOnlyDictionary{string, string}?)"/>.</summary>
    /// <param name="fields">Element name → text. Names are case-sensitive, as WeChat sends them.</param>
    /// <param name="message">The message, or null on failure.</param>
    /// <returns>
    /// <see langword="false"/> when ToUserName, FromUserName or MsgType is missing or empty, CreateTime is not a
    /// 64-bit integer, or a present numeric field (MsgId, Location_X/Y, Scale, Latitude, Longitude, Precision)
    /// does not parse with the invariant culture or is not finite. Empty numeric fields count as absent.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    public static bool TryCreate(IReadOnlyDictionary<string, string> fields, [NotNullWhen(true)] out InboundMessage? message)
    {
        ArgumentNullException.ThrowIfNull(fields);
        message = null;
        if (Text(fields, "ToUserName") is not { Length: > 0 } to
            || Text(fields, "FromUserName") is not { Length: > 0 } from
            || Text(fields, "MsgType") is not { Length: > 0 } msgType
            || !long.TryParse(Text(fields, "CreateTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var createTime)
            || !TryNumber(fields, "MsgId", NumberStyles.Integer, out long? msgId)
            || !TryNumber(fields, "Location_X", NumberStyles.Float, out double? locationX)
            || !TryNumber(fields, "Location_Y", NumberStyles.Float, out double? locationY)
            || !TryNumber(fields, "Scale", NumberStyles.Integer, out int? scale)
            || !TryNumber(fields, "Latitude", NumberStyles.Float, out double? latitude)
            || !TryNumber(fields, "Longitude", NumberStyles.Float, out double? longitude)
            || !TryNumber(fields, "Precision", NumberStyles.Float, out double? precision))
        {
            return false;
        }

        message = new InboundMessage
        {
            ToUserName = to, FromUserName = from, CreateTime = createTime, MsgType = msgType, MsgId = msgId,
            Content = Text(fields, "Content"), MediaId = Text(fields, "MediaId"), Format = Text(fields, "Format"),
            Recognition = Text(fields, "Recognition"), PicUrl = Text(fields, "PicUrl"),
            ThumbMediaId = Text(fields, "ThumbMediaId"), LocationX = locationX, LocationY = locationY, Scale = scale,
            Label = Text(fields, "Label"), Title = Text(fields, "Title"), Description = Text(fields, "Description"),
            Url = Text(fields, "Url"), Event = Text(fields, "Event"), EventKey = Text(fields, "EventKey"),
            Ticket = Text(fields, "Ticket"), Latitude = latitude, Longitude = longitude, Precision = precision,
            AgentId = Text(fields, "AgentID"),
        };
        return true;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"MsgType = {MsgType}, Event = {Event}, MsgId = {MsgId}, CreateTime = {CreateTime}");
        return true;
    }

    private static string? Text(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : null;

    private static bool TryNumber<T>(IReadOnlyDictionary<string, string> fields, string name, NumberStyles style, out T? value)
        where T : struct, INumberBase<T>
    {
        value = null;
        if (Text(fields, name) is not { Length: > 0 } text)
        {
            return true;
        }

        if (!T.TryParse(text, style, CultureInfo.InvariantCulture, out var number) || !T.IsFinite(number))
        {
            return false;
        }

        value = number;
        return true;
    }
}
