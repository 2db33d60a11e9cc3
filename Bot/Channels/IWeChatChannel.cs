using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Channels;

/// <summary>
/// What differs between the Official Account and the WeCom app once a callback is verified and decrypted:
/// the channel id, the body that means "no passive reply", and the API that answers after the deadline.
/// </summary>
public interface IWeChatChannel
{
    /// <summary>The Bot Builder channel id (<c>wechat-mp</c>, <c>wecom</c>).</summary>
    string ChannelId { get; }

    /// <summary>The response body when there is no passive reply: <c>success</c> (Official Account) or empty (WeCom).</summary>
    string NoReply { get; }

    /// <summary>Sends one reply to <paramref name="userId"/> through the channel's API, outside the passive window.</summary>
    Task<WeChatApiResult> SendLateAsync(string userId, OutboundReply reply, CancellationToken cancellationToken);
}
