using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Channels;

/// <summary>Writes a reply as the XML body of a passive reply to an inbound message (WECHAT.md §1.7).</summary>
public static class PassiveReplyRenderer
{
    /// <summary>WeChat shows one article when answering a user's message; up to eight otherwise (WECHAT.md §8).</summary>
    private const int ArticlesForMessages = 1;

    private const int ArticlesForEvents = 8;

    public static string Render(InboundMessage inbound, OutboundReply reply, long createTime)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(reply);
        var toUser = inbound.FromUserName;
        var fromUser = inbound.ToUserName;
        return reply.Kind switch
        {
            OutboundReplyKind.Handoff => WeChatReplyXml.TransferCustomerService(toUser, fromUser, createTime),
            OutboundReplyKind.News => WeChatReplyXml.News(toUser, fromUser, createTime,
                [.. reply.Articles.Take(inbound.MsgType == "event" ? ArticlesForEvents : ArticlesForMessages)]),
            _ => WeChatReplyXml.Text(toUser, fromUser, createTime, reply.Text ?? ""),
        };
    }
}
