using System.Text.Json.Serialization;

namespace ChatPost.Bot.WeChat;

/// <summary>A WeCom app message (WECHAT.md §4.4): text to one or more members (<c>UserID1|UserID2</c>).</summary>
public sealed record AppMessage
{
    [JsonPropertyName("touser")]
    public required string ToUser { get; init; }

    [JsonPropertyName("msgtype")]
    public required string MsgType { get; init; }

    [JsonPropertyName("agentid")]
    public required long AgentId { get; init; }

    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomMessage.TextContent? Text { get; init; }

    [JsonPropertyName("safe")]
    public int Safe { get; init; }

    public static AppMessage ForText(string toUser, long agentId, string content) =>
        new() { ToUser = toUser, MsgType = "text", AgentId = agentId, Text = new CustomMessage.TextContent(content) };
}
