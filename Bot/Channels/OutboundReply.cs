using ChatPost.Bot.Announcements;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Channels;

/// <summary>
/// What a turn said, reduced to what the channels can carry: a text, news articles, or a handoff to a person; for
/// channels that show more (the 智能机器人), its markdown, images and the actions offered with it.
/// </summary>
/// <param name="Text">The text, plain; for a handoff, what to say instead when the handoff cannot be passive.</param>
public sealed record OutboundReply(OutboundReplyKind Kind, string? Text, IReadOnlyList<NewsArticle> Articles)
{
    /// <summary>The text as the bot wrote it, when in markdown (the announcement's dialect, font colours included); else null.</summary>
    public string? Markdown { get; init; }

    /// <summary>PNG images said with the text (charts); channels that cannot show them leave them out.</summary>
    public IReadOnlyList<byte[]> Images { get; init; } = [];

    /// <summary>What the user may answer with one tap (suggested actions, e.g. 确认 / 取消); typing it works the same.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    public static OutboundReply ForText(string text) => new(OutboundReplyKind.Text, text, []);

    /// <summary>
    /// Maps an outgoing activity: <see cref="ActivityTypes.Handoff"/> → handoff; a message with hero cards →
    /// news (one article per card); a message with text → text (with its images and suggested actions; a markdown
    /// text also plain). Anything else (typing, traces) → null.
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

        if (string.IsNullOrEmpty(activity.Text))
        {
            return null;
        }

        var markdown = activity.TextFormat == TextFormatTypes.Markdown;
        var reply = ForText(markdown ? AnnouncementMarkdown.ToPlainText(activity.Text) : activity.Text);
        return activity.Attachments is not { Count: > 0 } && activity.SuggestedActions is null && !markdown
            ? reply
            : reply with
            {
                Markdown = markdown ? activity.Text : null,
                Images = [.. (activity.Attachments ?? []).Select(attachment => attachment.Content).OfType<byte[]>()],
                Actions = [.. (activity.SuggestedActions?.Actions ?? []).Select(action => action.Value?.ToString() ?? action.Title)],
            };
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
