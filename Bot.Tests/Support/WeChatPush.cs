using System.Globalization;
using System.Text;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Tests.Support;

/// <summary>Builds Official Account pushes the way WeChat sends them, in each of its three modes.</summary>
public sealed class WeChatPush(string token = ChatPostFactory.Token, string encodingAesKey = ChatPostFactory.EncodingAesKey,
    string appId = ChatPostFactory.AppId)
{
    private readonly WeChatMessageCrypto _crypto = new(encodingAesKey, appId);

    public static string TextXml(string fromUser, string content, long msgId, long createTime = 1_700_000_000) =>
        $"<xml><ToUserName><![CDATA[gh_chatpost]]></ToUserName><FromUserName><![CDATA[{fromUser}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId}</MsgId></xml>";

    public static string EventXml(string fromUser, string eventName, long createTime, string? eventKey = null) =>
        $"<xml><ToUserName><![CDATA[gh_chatpost]]></ToUserName><FromUserName><![CDATA[{fromUser}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event>" +
        (eventKey is null ? "" : $"<EventKey><![CDATA[{eventKey}]]></EventKey>") + "</xml>";

    public static string Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Sends <paramref name="text"/> from <paramref name="user"/> as a plaintext push; asserts a 200 and returns <see cref="ReplyContent"/>.</summary>
    public static async Task<string> AskPlaintextAsync(HttpClient client, string user, string text, long msgId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.SendAsync(new WeChatPush().Plaintext(TextXml(user, text, msgId)));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return ReplyContent(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text of a plaintext passive reply, or the body as it is when it is none (<c>success</c>, empty).</summary>
    public static string ReplyContent(string body) => WeChatXml.TryReadFields(body, out var fields) ? fields.GetValueOrDefault("Content", body) : body;

    /// <summary>Plaintext mode: the XML as is, with <c>signature</c> in the URL.</summary>
    public HttpRequestMessage Plaintext(string xml, string? timestamp = null, string nonce = "12345")
    {
        timestamp ??= Now;
        return Post($"/wechat/mp?signature={WeChatSignature.Compute(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid=o1", xml);
    }

    /// <summary>Safe mode: only ciphertext in the body, <c>encrypt_type=aes</c> and <c>msg_signature</c> in the URL.</summary>
    public HttpRequestMessage Safe(string xml, string? timestamp = null, string nonce = "12345")
    {
        var encrypt = _crypto.Encrypt(xml);
        return Encrypted($"<xml><ToUserName><![CDATA[gh_chatpost]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>",
            encrypt, timestamp ?? Now, nonce);
    }

    /// <summary>Safe mode around any ciphertext, correctly signed: for ciphertexts that must fail only when decrypted.</summary>
    public HttpRequestMessage SafeCiphertext(string encrypt, string? timestamp = null, string nonce = "12345") =>
        Encrypted($"<xml><ToUserName><![CDATA[gh_chatpost]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>",
            encrypt, timestamp ?? Now, nonce);

    /// <summary>Compatible mode: the plaintext fields and the ciphertext in one document.</summary>
    public HttpRequestMessage Compatible(string xml, string? timestamp = null, string nonce = "12345")
    {
        var encrypt = _crypto.Encrypt(xml);
        return Encrypted(xml.Replace("</xml>", $"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>", StringComparison.Ordinal),
            encrypt, timestamp ?? Now, nonce);
    }

    /// <summary>Verifies and decrypts an encrypted passive reply, as WeChat would.</summary>
    public string OpenReply(string envelope, string nonce = "12345")
    {
        Assert.True(WeChatXml.TryReadFields(envelope, out var fields), "the reply is not XML: " + envelope);
        Assert.Equal(nonce, fields["Nonce"]);
        Assert.True(WeChatSignature.Verify(fields["MsgSignature"], token, fields["TimeStamp"], fields["Nonce"], fields["Encrypt"]),
            "the reply's MsgSignature does not verify");
        Assert.True(_crypto.TryDecrypt(fields["Encrypt"], out var plain, out var error), "cannot decrypt the reply: " + error);
        return plain;
    }

    private HttpRequestMessage Encrypted(string body, string encrypt, string timestamp, string nonce)
    {
        var signature = WeChatSignature.Compute(token, timestamp, nonce);
        var msgSignature = WeChatSignature.Compute(token, timestamp, nonce, encrypt);
        return Post($"/wechat/mp?signature={signature}&timestamp={timestamp}&nonce={nonce}&openid=o1&encrypt_type=aes&msg_signature={msgSignature}", body);
    }

    private static HttpRequestMessage Post(string url, string body) =>
        new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
}
