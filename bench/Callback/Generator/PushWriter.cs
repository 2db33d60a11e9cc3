using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bench.Callback.Generator;

/// <summary>What the generated pushes ask, and in which mode they travel.</summary>
/// <param name="Safe">Safe mode (<c>encrypt_type=aes</c>, only ciphertext in the body), else plaintext mode.</param>
/// <param name="Robot">WeCom 智能机器人 callbacks to <c>/wechat/work/robot</c> instead (JSON, receive id <c>""</c>).</param>
/// <param name="Text">The message: <c>{0}</c> is replaced by a tracking number of the ingested set.</param>
/// <param name="Shipments">How many ingested tracking numbers the questions pick from.</param>
internal sealed record PushKind(bool Safe, string Text, int Shipments, bool Robot = false);

/// <summary>
/// Writes signed (and in safe mode encrypted) Official Account pushes, or 智能机器人 callbacks, one per line as
/// <c>path TAB body</c>, for requests.lua. Every push has its own MsgId and nonce: the service answers a repeated
/// MsgId from its reply cache (the robot: from the message's stream).
/// </summary>
internal sealed class PushWriter(BenchAccount account, PushKind kind)
{
    /// <summary>Fixed, so a file stays valid for the whole run: the service runs with WeChat:MaxTimestampSkewSeconds=0.</summary>
    public const long Timestamp = 1_764_300_000;

    private static readonly string TimestampText = Timestamp.ToString(CultureInfo.InvariantCulture);

    /// <summary>The robot's BotID that run.sh configures.</summary>
    public const string BotId = "aibChatPostBench01";

    private readonly WeChatMessageCrypto _crypto = new(account.EncodingAesKey, kind.Robot ? "" : account.AppId);

    /// <summary>
    /// Writes pushes with MsgIds <paramref name="firstMsgId"/> … <c>+ count − 1</c>, from the users <paramref name="senders"/>
    /// names in turn. Returns how many of them were their user's first push, counted after every
    /// <see cref="FirstContactStride"/> pushes (the last entry counts them all).
    /// </summary>
    public List<int> Write(string path, long firstMsgId, int count, int seed, Func<Random, (int User, bool First)> senders)
    {
        var random = new Random(seed);
        var firstContacts = new List<int>(count / FirstContactStride + 1);
        var first = 0;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        for (var i = 0; i < count; i++)
        {
            var sender = senders(random);
            first += sender.First ? 1 : 0;
            if ((i + 1) % FirstContactStride == 0 || i == count - 1)
            {
                firstContacts.Add(first);
            }

            var user = OpenId(sender.User);
            var number = TrackingNumbers.Create(random.Next(kind.Shipments));
            var text = string.Format(CultureInfo.InvariantCulture, kind.Text, number);
            var nonce = random.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            var (query, body) = kind.Robot ? Robot(user, text, firstMsgId + i, nonce)
                : kind.Safe ? Safe(TextXml(user, text, firstMsgId + i), nonce) : Plaintext(TextXml(user, text, firstMsgId + i), nonce);
            writer.Write(kind.Robot ? "/wechat/work/robot?" : "/wechat/mp?");
            writer.Write(query);
            writer.Write('\t');
            writer.Write(body);
            writer.Write('\n');
        }

        return firstContacts;
    }

    /// <summary>How many pushes apart <see cref="Write"/> counts the first contacts so far.</summary>
    public const int FirstContactStride = 1_000;

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

    /// <summary>A member @-mentions the robot in single chat (the conversation is the member, as on the Official Account).</summary>
    private (string Query, string Body) Robot(string userId, string text, long msgId, string nonce)
    {
        var json = new JsonObject
        {
            ["msgid"] = "bench" + msgId.ToString(CultureInfo.InvariantCulture),
            ["aibotid"] = BotId,
            ["chattype"] = "single",
            ["from"] = new JsonObject { ["userid"] = userId },
            ["response_url"] = "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=bench",
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = "@邮政助手 " + text },
        };
        var encrypt = _crypto.Encrypt(json.ToJsonString());
        var signature = WeChatSignature.Compute(account.Token, TimestampText, nonce, encrypt);
        return ($"msg_signature={signature}&timestamp={TimestampText}&nonce={nonce}", new JsonObject { ["encrypt"] = encrypt }.ToJsonString());
    }

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
