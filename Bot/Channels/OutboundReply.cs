using ChatPost.Bot.WeChat;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Channels;

/// <summary>What a turn said, reduced to what WeChat can carry: a text, news articles, or a handoff to a person.</summary>
/// <param name="Text">The text; for a handoff, what to say instead when the handoff cannot be passive.</param>
public sealed record OutboundReply(OutboundReplyKind Kind, string? Text, IReadOnlyList<NewsArticle> Articles)
{
    public static OutboundReply ForText(string text) => new(OutboundReplyKind.Text, text, []);

    /// <summary>
    /// Maps an outgoing activity: <see cref="ActivityTypes.Handoff"/> → handoff; a message with hero cards →
    /// news (one article per card); a message with text → text. Anything else (typing, traces) → null.
    /// </summary>
    public static OutboundReply? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Handoff)
        {
            return new OutboundReply(OutboundReplyKind.Handoff, activity.Text, []);
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        var articles = (activity.Attachments ?? [])
            .Where(attachment => attachment.ContentType == HeroCard.ContentType)
            .Select(attachment => ToArticle(attachment.Content as HeroCard ?? Newtonsoft.Json.Linq.JObject.FromObject(attachment.Content).ToObject<HeroCard>()))
            .OfType<NewsArticle>()
            .ToArray();
        if (articles.Length > 0)
        {
            return new OutboundReply(OutboundReplyKind.News, activity.Text, articles);
        }

        return string.IsNullOrEmpty(activity.Text) ? null : ForText(activity.Text);
    }

    private static NewsArticle? ToArticle(HeroCard? card) => card is null
        ? null
        : new NewsArticle(card.Title ?? "", card.Text ?? card.Subtitle, card.Images?.FirstOrDefault()?.Url,
            card.Tap?.Value?.ToString() ?? card.Buttons?.FirstOrDefault()?.Value?.ToString());
}

public enum OutboundReplyKind
{
    Text,
    News,
    Handoff,
}
