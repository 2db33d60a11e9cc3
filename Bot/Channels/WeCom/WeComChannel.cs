using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom;

/// <summary>The staff channel: the WeCom app. Late replies, and broadcast reports, go through the app-message API.</summary>
public sealed class WeComChannel(IWeComApiClient api, [FromKeyedServices(WeComChannel.Id)] AccessTokenProvider tokens,
    IOptions<WeComOptions> options) : IWeChatChannel
{
    public const string Id = "wecom";

    public string ChannelId => Id;

    /// <summary>The app's AgentId, for app messages.</summary>
    public long AgentId => options.Value.AgentId;

    /// <summary>WeCom's "no reply" is an empty 200 (WECHAT.md §4.3).</summary>
    public string NoReply => "";

    /// <inheritdoc/>
    public Task<WeChatApiResult> SendLateAsync(string userId, OutboundReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.Kind == OutboundReplyKind.News
            ? string.Join('\n', reply.Articles.Select(article => $"{article.Title} {article.Url}"))
            : reply.Text ?? "";
        return SendAsync(userId, AppMessage.ForText(userId, options.Value.AgentId, text), cancellationToken);
    }

    /// <summary>Sends an app message (a text report) to a member, with the app's token.</summary>
    public Task<WeChatApiResult> SendAsync(string userId, AppMessage message, CancellationToken cancellationToken) =>
        tokens.CallAsync((token, ct) => api.SendAppMessageAsync(token, message, ct), cancellationToken);
}
