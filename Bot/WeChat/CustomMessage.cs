using System.Text.Json.Serialization;

namespace ChatPost.Bot.WeChat;

/// <summary>A customer-service message (WECHAT.md §2): text, or news with external links.</summary>
public sealed record CustomMessage
{
    [JsonPropertyName("touser")]
    public required string ToUser { get; init; }

    [JsonPropertyName("msgtype")]
    public required string MsgType { get; init; }

    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextContent? Text { get; init; }

    [JsonPropertyName("news")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NewsContent? News { get; init; }

    public static CustomMessage ForText(string toUser, string content) =>
        new() { ToUser = toUser, MsgType = "text", Text = new TextContent(content) };

    public static CustomMessage ForNews(string toUser, IReadOnlyList<NewsArticle> articles) =>
        new() { ToUser = toUser, MsgType = "news", News = new NewsContent([.. articles.Select(NewsLink.From)]) };

    public sealed record TextContent([property: JsonPropertyName("content")] string Content);

    public sealed record NewsContent([property: JsonPropertyName("articles")] IReadOnlyList<NewsLink> Articles);

    public sealed record NewsLink(
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("picurl")] string? PicUrl)
    {
        public static NewsLink From(NewsArticle article) => new(article.Title, article.Description, article.Url, article.PicUrl);
    }
}
