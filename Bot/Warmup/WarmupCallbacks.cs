using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Warmup;

/// <summary>
/// Official Account pushes of a text message as WeChat sends them (WECHAT.md §1.2–1.5): signed with the account's token,
/// and in safe mode (an <c>EncodingAESKey</c> configured) sealed with the same crypto that seals the replies.
/// </summary>
internal sealed class WarmupCallbacks(OfficialAccountOptions account, TimeProvider time)
{
    private const string Path = "/wechat/mp";

    private static readonly MediaTypeHeaderValue Xml = new("text/xml") { CharSet = "utf-8" };

    private readonly CallbackCrypto? _crypto = OfficialAccountCallback.SafeModeCrypto(account, time);

    /// <summary>A random start, so that two starts of the service never send one MsgId twice (the turn gate would take it as WeChat's retry).</summary>
    private readonly long _firstMsgId = Random.Shared.NextInt64(1L << 40, 1L << 62);

    private long _sent;

    /// <summary>The push of <paramref name="text"/> from <paramref name="user"/>, a new message each time.</summary>
    public HttpRequestMessage Create(string text, string user)
    {
        var createTime = time.GetUtcNow().ToUnixTimeSeconds();
        var msgId = _firstMsgId + Interlocked.Increment(ref _sent);
        var nonce = msgId.ToString(CultureInfo.InvariantCulture);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"<xml><ToUserName><![CDATA[warmup]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId></xml>");
        string query, body;
        if (_crypto is null)
        {
            var timestamp = createTime.ToString(CultureInfo.InvariantCulture);
            query = $"?signature={WeChatSignature.Compute(account.Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
            body = message;
        }
        else
        {
            var envelope = _crypto.Seal(message, nonce);
            query = $"?signature={WeChatSignature.Compute(account.Token, envelope.Timestamp, nonce)}&timestamp={envelope.Timestamp}&nonce={nonce}"
                + $"&encrypt_type=aes&msg_signature={envelope.Signature}";
            body = envelope.ToXml();
        }

        return new HttpRequestMessage(HttpMethod.Post, Path + query) { Content = new StringContent(body, Encoding.UTF8, Xml) };
    }
}
