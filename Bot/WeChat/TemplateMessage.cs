using System.Text.Json.Serialization;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// A template message (<c>POST /cgi-bin/message/template/send</c>): the one way to reach a follower outside the
/// customer-service window, for certified service accounts, with a template the operator chose in the WeChat console.
/// </summary>
/// <param name="Data">The value of each keyword of the template (<c>thing1</c>, <c>time2</c>…).</param>
/// <param name="Url">Where tapping the message leads; null for nowhere.</param>
public sealed record TemplateMessage(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, TemplateMessage.Value> Data)
{
    public sealed record Value([property: JsonPropertyName("value")] string Text);
}
