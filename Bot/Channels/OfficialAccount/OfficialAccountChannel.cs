using ChatPost.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPost.Bot.Channels.OfficialAccount;

/// <summary>
/// The citizens' channel: the WeChat Official Account (公众号). Late replies go through the customer-service API; notifications
/// outside its window can also go as template messages.
/// </summary>
public sealed class OfficialAccountChannel(IWeChatApiClient api, [FromKeyedServices(OfficialAccountChannel.Id)] AccessTokenProvider tokens)
    : IWeChatChannel
{
    public const string Id = "wechat-mp";

    public string ChannelId => Id;

    /// <summary>WeChat's documented "no reply": it then neither retries nor shows an error to the user.</summary>
    public string NoReply => WeChatReplyXml.Success;

    /// <inheritdoc/>
    public Task<WeChatApiResult> SendLateAsync(string userId, OutboundReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var message = reply.Kind == OutboundReplyKind.News
            ? CustomMessage.ForNews(userId, [.. reply.Articles.Take(1)])
            : CustomMessage.ForText(userId, reply.Text ?? "");
        return tokens.CallAsync((token, ct) => api.SendCustomMessageAsync(token, message, ct), cancellationToken);
    }

    /// <summary>Sends a template message, which reaches a follower outside the customer-service window.</summary>
    public Task<WeChatApiResult> SendTemplateAsync(TemplateMessage message, CancellationToken cancellationToken) =>
        tokens.CallAsync((token, ct) => api.SendTemplateMessageAsync(token, message, ct), cancellationToken);
}
