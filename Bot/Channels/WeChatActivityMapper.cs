using System.Globalization;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Channels;

/// <summary>Maps an inbound WeChat or WeCom message to the Bot Builder activity a bot sees.</summary>
public static class WeChatActivityMapper
{
    /// <summary>
    /// text → message; voice → message whose text is WeChat's recognition; image, video, link → message with an
    /// attachment; location → message with a <see cref="GeoCoordinates"/> entity and the label as text;
    /// subscribe/unsubscribe → conversation update (member added/removed); any other event (CLICK, SCAN, VIEW,
    /// LOCATION…) → event named after it with the EventKey as value. The message itself rides along as channel data.
    /// </summary>
    public static Activity ToActivity(string channelId, InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var user = new ChannelAccount(message.FromUserName, role: RoleTypes.User);
        var activity = new Activity
        {
            Id = message.MsgId?.ToString(CultureInfo.InvariantCulture) ?? message.DedupeKey,
            ChannelId = channelId,
            ServiceUrl = "wechat://" + channelId,
            Conversation = new ConversationAccount(isGroup: false, id: message.FromUserName),
            From = user,
            Recipient = new ChannelAccount(message.ToUserName, role: RoleTypes.Bot),
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(message.CreateTime),
            // No Locale: WeChat sends none, the bot formats with the invariant culture, and Bot Builder would build a
            // CultureInfo from it and make it the thread's culture on every turn (BENCHMARKS.md, issue 17).
            ChannelData = message,
            Type = ActivityTypes.Message,
        };

        activity.Text = TextOf(message);
        switch (message.MsgType)
        {
            case "voice":
                activity.Attachments = [Media("audio/" + (message.Format ?? "amr"), message.MediaId, null)];
                break;
            case "image":
                activity.Attachments = [Media("image/jpeg", message.MediaId, message.PicUrl)];
                break;
            case "video" or "shortvideo":
                activity.Attachments = [Media("video/mp4", message.MediaId, null)];
                break;
            case "location":
                activity.Entities = [new GeoCoordinates(latitude: message.LocationX, longitude: message.LocationY, name: message.Label)];
                break;
            case "link":
                activity.Attachments = [new Attachment("text/html", message.Url, name: message.Title)];
                break;
            case "event":
                MapEvent(activity, message, user);
                break;
        }

        return activity;
    }

    /// <summary>The text a bot sees of a message: what was typed, WeChat's recognition of a voice, a place's or link's title; null for others.</summary>
    public static string? TextOf(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.MsgType switch
        {
            "text" => message.Content,
            "voice" => message.Recognition,
            "location" => message.Label,
            "link" => message.Title,
            _ => null,
        };
    }

    private static void MapEvent(Activity activity, InboundMessage message, ChannelAccount user)
    {
        switch (message.Event?.ToLowerInvariant())
        {
            case "subscribe":
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersAdded = [user];
                activity.Value = message.EventKey;
                break;
            case "unsubscribe":
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersRemoved = [user];
                break;
            default:
                activity.Type = ActivityTypes.Event;
                activity.Name = message.Event;
                activity.Value = message.EventKey;
                break;
        }
    }

    private static Attachment Media(string contentType, string? mediaId, string? url) =>
        new(contentType, url, name: mediaId);
}
