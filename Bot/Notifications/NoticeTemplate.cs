using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Notifications;

/// <summary>Fills a configured template (<see cref="TemplateOptions"/>) with a change, within what each keyword takes.</summary>
internal static class NoticeTemplate
{
    /// <summary>The template message telling <paramref name="userId"/> of <paramref name="change"/>.</summary>
    public static TemplateMessage For(TemplateOptions template, string userId, ItemChange change)
    {
        var fields = NotificationReplies.Fields(change);
        var data = template.Fields.ToDictionary(field => field.Key, field => new TemplateMessage.Value(Fit(field.Key, fields[field.Value])),
            StringComparer.Ordinal);
        return new TemplateMessage(userId, template.TemplateId, template.Url?.AbsoluteUri, data);
    }

    /// <summary>
    /// The value as the keyword takes it: WeChat refuses (47003) a <c>thing</c> over 20 characters, a <c>phrase</c> over 5, a
    /// <c>character_string</c> over 32, and an empty value.
    /// </summary>
    public static string Fit(string keyword, string value)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(value);
        var limit = keyword.StartsWith("thing", StringComparison.Ordinal) ? 20
            : keyword.StartsWith("phrase", StringComparison.Ordinal) ? 5
            : keyword.StartsWith("character_string", StringComparison.Ordinal) ? 32
            : int.MaxValue;
        return value.Length == 0 ? "无" : value.Length <= limit ? value : string.Concat(value.AsSpan(0, limit - 1), "…");
    }
}
