namespace ChatPost.Bot.WeChat;

/// <summary>One article of a news (图文) passive reply.</summary>
/// <param name="Title">The headline.</param>
/// <param name="Description">The summary; null is written as an empty element.</param>
/// <param name="PicUrl">A JPG or PNG URL (large 360×200, small 200×200); null is written as an empty element.</param>
/// <param name="Url">Where a tap leads; null is written as an empty element.</param>
public sealed record NewsArticle(string Title, string? Description, string? PicUrl, string? Url);
