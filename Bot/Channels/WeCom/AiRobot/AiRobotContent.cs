using ChatPost.Bot.Announcements;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>What a stream shows of the staff bot's replies: markdown_v2, one reply after another.</summary>
internal static class AiRobotContent
{
    /// <summary>A reply's text; markdown (the announcement's) rendered for markdown_v2, which has no font colours.</summary>
    public static string Of(OutboundReply reply) =>
        reply.Markdown is { } markdown ? AnnouncementMarkdown.ToMarkdownV2(markdown) : reply.Text ?? "";

    /// <summary>Replies as one: their texts a blank line apart, all their images, the actions of the last that offers any.</summary>
    public static OutboundReply Join(IReadOnlyList<OutboundReply> replies) => replies.Count == 1
        ? replies[0]
        : OutboundReply.ForText(string.Join("\n\n", replies.Select(Of).Where(text => text.Length > 0))) with
        {
            Images = [.. replies.SelectMany(reply => reply.Images)],
            Actions = replies.LastOrDefault(reply => reply.Actions.Count > 0)?.Actions ?? [],
        };
}
