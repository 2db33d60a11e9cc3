using System.Globalization;
using System.Net;
using System.Text;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatPost.Bot.Tests.Channels.OfficialAccount;

public class OfficialAccountEndpointsTests
{
    private readonly WeChatPush _push = new();

    [Fact]
    public async Task Get_ValidSignature_EchoesEchostrExactly()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        var timestamp = WeChatPush.Now;
        var signature = WeChatSignature.Compute(ChatPostFactory.Token, timestamp, "n1");

        var response = await factory.CreateClient().GetAsync($"/wechat/mp?signature={signature}&timestamp={timestamp}&nonce=n1&echostr=7046516553683957186");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("7046516553683957186", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000")]
    [InlineData("")]
    public async Task Get_BadSignature_Returns401(string signature)
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());

        var response = await factory.CreateClient().GetAsync($"/wechat/mp?signature={signature}&timestamp={WeChatPush.Now}&nonce=n1&echostr=echo7046516553683957186");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("echo7046516553683957186", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PlaintextGreeting_AnswersPassivelyInPlaintext()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());

        var response = await factory.CreateClient().SendAsync(_push.Plaintext(WeChatPush.TextXml("oUser1", "你好", 1001)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Fields(await response.Content.ReadAsStringAsync());
        Assert.Equal("oUser1", reply["ToUserName"]);
        Assert.Equal("gh_chatpost", reply["FromUserName"]);
        Assert.Equal("text", reply["MsgType"]);
        Assert.Equal(GreetingReplies.FirstHello, reply["Content"]);
    }

    [Fact]
    public async Task Post_SafeMode_AnswersEncrypted()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());

        var response = await factory.CreateClient().SendAsync(_push.Safe(WeChatPush.TextXml("oUser2", "菜单", 1002), nonce: "777"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Fields(_push.OpenReply(await response.Content.ReadAsStringAsync(), nonce: "777"));
        Assert.Equal("oUser2", reply["ToUserName"]);
        Assert.Equal(GreetingReplies.Menu, reply["Content"]);
    }

    [Fact]
    public async Task Post_SafeModeWithoutContentLength_AnswersEncrypted()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        var request = _push.Safe(WeChatPush.TextXml("oUser2b", "菜单", 1012), nonce: "778");
        request.Content = new UnknownLengthContent(await request.Content!.ReadAsByteArrayAsync());

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GreetingReplies.Menu, Fields(_push.OpenReply(await response.Content.ReadAsStringAsync(), nonce: "778"))["Content"]);
    }

    [Fact]
    public async Task Post_CompatibleMode_TrustsCiphertextAndAnswersEncrypted()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        var genuine = WeChatPush.TextXml("oUser3", "你好", 1003);
        var request = _push.Compatible(genuine);
        // Tamper with the plaintext copy: the ciphertext is what counts.
        var body = (await request.Content!.ReadAsStringAsync()).Replace("<Content><![CDATA[你好]]>", "<Content><![CDATA[菜单]]>", StringComparison.Ordinal);
        request.Content = new StringContent(body, Encoding.UTF8, "text/xml");

        var response = await factory.CreateClient().SendAsync(request);

        var reply = Fields(_push.OpenReply(await response.Content.ReadAsStringAsync()));
        Assert.Equal(GreetingReplies.FirstHello, reply["Content"]);
    }

    [Fact]
    public async Task Post_Subscribe_WelcomesTheFollower()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());

        var response = await factory.CreateClient().SendAsync(_push.Safe(WeChatPush.EventXml("oUser4", "subscribe", 1_700_000_100, "qrscene_42")));

        Assert.Equal(GreetingReplies.Welcome, Fields(_push.OpenReply(await response.Content.ReadAsStringAsync()))["Content"]);
    }

    [Fact]
    public async Task Post_AskingForAPersonWhileAgentsAreIn_AnswersTransferCustomerServicePassively()
    {
        // 10:00 in China, within the desk's hours (AgentHours): outside them the bot gives the hotline instead, so a test on
        // the wall clock failed every evening.
        var morning = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), services: services => services.AddSingleton<TimeProvider>(morning));
        var timestamp = morning.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var response = await factory.CreateClient().SendAsync(_push.Safe(WeChatPush.TextXml("oUser6", "转人工客服", 1006), timestamp));

        var reply = Fields(_push.OpenReply(await response.Content.ReadAsStringAsync()));
        Assert.Equal("transfer_customer_service", reply["MsgType"]);
        Assert.Equal("oUser6", reply["ToUserName"]);
        Assert.Equal("gh_chatpost", reply["FromUserName"]);
    }

    [Fact]
    public async Task Post_VoiceMessage_UsesRecognitionText()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        var voice = "<xml><ToUserName><![CDATA[gh_chatpost]]></ToUserName><FromUserName><![CDATA[oUser5]]></FromUserName>" +
            "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m1]]></MediaId>" +
            "<Format><![CDATA[amr]]></Format><Recognition><![CDATA[你好！]]></Recognition><MsgId>1005</MsgId></xml>";

        var response = await factory.CreateClient().SendAsync(_push.Plaintext(voice));

        Assert.Equal(GreetingReplies.FirstHello, Fields(await response.Content.ReadAsStringAsync())["Content"]);
    }

    public static TheoryData<string, HttpStatusCode> HostilePushes => new()
    {
        { "forged-signature", HttpStatusCode.Unauthorized },
        { "stale-timestamp", HttpStatusCode.Unauthorized },
        { "forged-msg-signature", HttpStatusCode.Unauthorized },
        { "malformed-xml", HttpStatusCode.BadRequest },
        { "doctype", HttpStatusCode.BadRequest },
        { "not-utf8", HttpStatusCode.BadRequest },
        { "missing-encrypt", HttpStatusCode.BadRequest },
        { "bad-base64", HttpStatusCode.BadRequest },
        { "not-a-message", HttpStatusCode.BadRequest },
        { "too-large", HttpStatusCode.RequestEntityTooLarge },
        { "too-large-without-content-length", HttpStatusCode.RequestEntityTooLarge },
        { "wrong-receive-id", HttpStatusCode.BadRequest },
        { "length-not-multiple-of-16", HttpStatusCode.BadRequest },
        { "pad-byte-0", HttpStatusCode.BadRequest },
        { "pad-byte-33", HttpStatusCode.BadRequest },
        { "length-field-past-end", HttpStatusCode.BadRequest },
        { "not-utf8-inside", HttpStatusCode.BadRequest },
        { "entity-expansion-inside", HttpStatusCode.BadRequest },
        { "truncated-xml-inside", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(HostilePushes))]
    public async Task Post_HostileInput_Returns4xxLogsWhyAndRunsNoTurn(string attack, HttpStatusCode expected)
    {
        var bot = new GatedBot();
        var log = new LogSignal(RejectedCallback);
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), services: services => services
            .AddSingleton<IBot>(bot)
            .AddSingleton<ILoggerProvider>(log));

        var response = await factory.CreateClient().SendAsync(Hostile(attack));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, bot.Turns);
        if (expected != HttpStatusCode.RequestEntityTooLarge)
        {
            var reason = (string?)Assert.Single(log.Seen(RejectedCallback)).Single(value => value.Key == "Reason").Value;
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
    }

    private const int RejectedCallback = 1001;

    private HttpRequestMessage Hostile(string attack)
    {
        var text = WeChatPush.TextXml("oEvil", "你好", 6666);
        var timestamp = WeChatPush.Now;
        var signature = WeChatSignature.Compute(ChatPostFactory.Token, timestamp, "1");
        var query = $"/wechat/mp?signature={signature}&timestamp={timestamp}&nonce=1";
        return attack switch
        {
            "forged-signature" => Raw($"/wechat/mp?signature={new string('a', 40)}&timestamp={timestamp}&nonce=1", text),
            "stale-timestamp" => _push.Plaintext(text, timestamp: "1409304348"),
            "forged-msg-signature" => Raw(query + "&encrypt_type=aes&msg_signature=" + new string('b', 40),
                "<xml><Encrypt><![CDATA[YWJjZGVmZ2hpamtsbW5vcA==]]></Encrypt></xml>"),
            "malformed-xml" => Raw(query, "<xml><ToUserName>"),
            "doctype" => Raw(query, "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Content>&e;</Content></xml>"),
            "not-utf8" => new HttpRequestMessage(HttpMethod.Post, query) { Content = new ByteArrayContent([0x3C, 0x78, 0xFF, 0xFE, 0x3E]) },
            "missing-encrypt" => Raw(query + "&encrypt_type=aes&msg_signature=" + WeChatSignature.Compute(ChatPostFactory.Token, timestamp, "1", ""), "<xml><ToUserName>x</ToUserName></xml>"),
            "bad-base64" => Raw(query + "&encrypt_type=aes&msg_signature=" + WeChatSignature.Compute(ChatPostFactory.Token, timestamp, "1", "!!!!"), "<xml><Encrypt>!!!!</Encrypt></xml>"),
            "not-a-message" => Raw(query, "<xml><Hello>world</Hello></xml>"),
            "too-large" => Raw(query, "<xml><Content>" + new string('x', WeChatXml.MaxBodyBytes) + "</Content></xml>"),
            "too-large-without-content-length" => new HttpRequestMessage(HttpMethod.Post, query)
            {
                Content = new UnknownLengthContent(Utf8("<xml><Content>" + new string('x', WeChatXml.MaxBodyBytes) + "</Content></xml>")),
            },
            "wrong-receive-id" => new WeChatPush(appId: "wx_someone_else").Safe(text),
            "length-not-multiple-of-16" => _push.SafeCiphertext(Convert.ToBase64String(new byte[40])),
            "pad-byte-0" => _push.SafeCiphertext(EncryptBuffer(Utf8(text), buffer => buffer[^1] = 0)),
            "pad-byte-33" => _push.SafeCiphertext(EncryptBuffer(Utf8(text), buffer => buffer[^1] = 33)),
            "length-field-past-end" => _push.SafeCiphertext(EncryptBuffer(Utf8(text), declaredLength: 1_000_000)),
            "not-utf8-inside" => _push.SafeCiphertext(EncryptBuffer([0x3C, 0x78, 0xFF, 0xFE, 0x3E])),
            "entity-expansion-inside" => _push.Safe("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\">" +
                "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><Content>&c;</Content></xml>"),
            "truncated-xml-inside" => _push.Safe(text[..(text.Length / 2)]),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // A body sent without Content-Length, as a stream whose length the client cannot know up front.
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static string EncryptBuffer(byte[] message, Action<byte[]>? spoil = null, uint? declaredLength = null)
    {
        var buffer = WeChatCipherBuffer.Build(message, ChatPostFactory.AppId, declaredLength);
        spoil?.Invoke(buffer);
        return WeChatCipherBuffer.Encrypt(buffer, ChatPostFactory.EncodingAesKey);
    }

    private static HttpRequestMessage Raw(string url, string body) =>
        new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };

    private static IReadOnlyDictionary<string, string> Fields(string xml)
    {
        Assert.True(WeChatXml.TryReadFields(xml, out var fields), "not XML: " + xml);
        return fields;
    }
}
