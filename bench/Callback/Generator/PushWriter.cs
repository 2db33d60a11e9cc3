using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bench.Callback.Generator;

/// <summary>What the generated pushes ask, and in which mode they travel.</summary>
/// <param name="Safe">Safe mode (<c>encrypt_type=aes</c>, only ciphertext in the body), else plaintext mode.</param>
/// <param name="Text">The message: <c>{0}</c> is replaced by a tracking number of the ingested set.</param>
/// <param name="Users">How many distinct OpenIDs the pushes cycle through.</param>
/// <param name="Shipments">How many ingested tracking numbers the questions pick from.</param>
internal sealed record PushKind(bool Safe, string Text, int Users, int Shipments);

/// <summary>
/// Writes signed (and in safe mode encrypted) Official Account pushes, one per line as <c>path TAB body</c>, for
/// requests.lua. Every push has its own MsgId and nonce: the service answers a repeated MsgId from its reply cache.
/// </summary>
internal sealed class PushWriter(BenchAccount account, PushKind kind)
{
    /// <summary>Fixed, so a file stays valid for the whole run: the service runs with WeChat:MaxTimestampSkewSeconds=0.</summary>
    public const long Timestamp = 1_764_300_000;

    private static readonly string TimestampText = Timestamp.ToString(CultureInfo.InvariantCulture);

    private readonly WeChatMessageCrypto _crypto = new(account.EncodingAesKey, account.AppId);

    /// <summary>Writes pushes with MsgIds <paramref name="firstMsgId"/> … <c>+ count − 1</c>.</summary>
    public void Write(string path, long firstMsgId, int count, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        for (var i = 0; i < count; i++)
        {
            var user = OpenId(random.Next(kind.Users));
            var number = TrackingNumbers.Create(random.Next(kind.Shipments));
            var xml = TextXml(user, string.Format(CultureInfo.InvariantCulture, kind.Text, number), firstMsgId + i);
            var nonce = random.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            var (query, body) = kind.Safe ? Safe(xml, nonce) : Plaintext(xml, nonce);
            writer.Write("/wechat/mp?");
            writer.Write(query);
            writer.Write('\t');
            writer.Write(body);
            writer.Write('\n');
        }
    }

    /// <summary>A 28-character OpenID, the same for the same index.</summary>
    public static string OpenId(int index)
    {
        var hash = SHA256.HashData(BitConverter.GetBytes(index));
        return "o" + Convert.ToBase64String(hash)[..27].Replace('+', '-').Replace('/', '_');
    }

    private static string TextXml(string fromUser, string content, long msgId) =>
        $"<xml><ToUserName><![CDATA[{BenchAccount.DeveloperAccount}]]></ToUserName><FromUserName><![CDATA[{fromUser}]]></FromUserName>" +
        $"<CreateTime>{TimestampText}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId}</MsgId></xml>";

    private (string Query, string Body) Plaintext(string xml, string nonce)
    {
        var signature = WeChatSignature.Compute(account.Token, TimestampText, nonce);
        return ($"signature={signature}&timestamp={TimestampText}&nonce={nonce}", xml);
    }

    private (string Query, string Body) Safe(string xml, string nonce)
    {
        var encrypt = _crypto.Encrypt(xml);
        var signature = WeChatSignature.Compute(account.Token, TimestampText, nonce);
        var msgSignature = WeChatSignature.Compute(account.Token, TimestampText, nonce, encrypt);
        // encrypt_type and msg_signature as WeChat adds them in safe mode (WECHAT.md §1.1); base64 needs no URL escaping in the body.
        return ($"signature={signature}&timestamp={TimestampText}&nonce={nonce}&encrypt_type=aes&msg_signature={msgSignature}",
            $"<xml><ToUserName><![CDATA[{BenchAccount.DeveloperAccount}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
    }
}
