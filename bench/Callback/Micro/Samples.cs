using System.Text;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bench.Callback.Micro;

/// <summary>One realistic safe-mode push and its parts, as the load of run.sh sends them.</summary>
internal static class Samples
{
    public const string AppId = "wxc4a11b0bench0001";
    public const string Token = "chatpostbench2026";
    public const string EncodingAesKey = "ChatPostBenchCallbackKey0123456789abcdefghi";
    public const string Timestamp = "1764300000";
    public const string Nonce = "1590219412";
    public const string Question = "EA200019815CN到哪了";

    public static readonly string MessageXml =
        "<xml><ToUserName><![CDATA[gh_chatpostbench]]></ToUserName><FromUserName><![CDATA[ocwwPTqWY1A90CPkjM01nRTfasNd]]></FromUserName>" +
        "<CreateTime>1764300000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + Question + "]]></Content>" +
        "<MsgId>6054768590364713728</MsgId></xml>";

    /// <summary>A 300-byte UTF-8 message, the size of a push with a short Chinese question.</summary>
    public static readonly string Message300 = PadTo300(MessageXml);

    public static readonly WeChatMessageCrypto Crypto = new(EncodingAesKey, AppId);

    public static readonly string Encrypt = Crypto.Encrypt(MessageXml);

    public static readonly string EnvelopeXml =
        $"<xml><ToUserName><![CDATA[gh_chatpostbench]]></ToUserName><Encrypt><![CDATA[{Encrypt}]]></Encrypt></xml>";

    /// <summary>The answer the bot gives to <see cref="Question"/> (TrackingReplies.Found's shape).</summary>
    public const string Answer = "邮件 EA200019815CN（交管证照）\n最新状态：派送中\n时间：2025-03-04 02:15\n地点：襄州区交通路投递站\n说明：快件已到达\n共 3 条物流记录。";

    private static string PadTo300(string xml)
    {
        var builder = new StringBuilder(xml);
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < 300)
        {
            builder.Insert(builder.ToString().IndexOf("]]></Content>", StringComparison.Ordinal), '。');
        }

        return builder.ToString();
    }
}
