using System.Net;
using System.Text;
using ChatPost.Bot.Dialogs.Features.StaffProgress;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Tests.Channels.WeCom;

public class WeComEndpointsTests
{
    // The wechatpy WeCom vector (WECHAT.md §9, V7).
    private const string Token = "123456";
    private const string EncodingAesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private const string CorpId = "wx49f0ab532d5d035a";

    private readonly WeChatMessageCrypto _crypto = new(EncodingAesKey, CorpId);

    [Fact]
    public async Task Get_PublishedVector_AnswersTheDecryptedEchostrOnly()
    {
        await using var factory = Factory(maxSkew: "0");
        const string echo = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";

        var response = await factory.CreateClient().GetAsync(
            $"/wechat/work?msg_signature=dd6b9c95b495b3f7e2901bfbc76c664930ffdb96&timestamp=1411443780&nonce=437374425&echostr={Uri.EscapeDataString(echo)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5927782489442352469", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("437374424")]
    [InlineData("")]
    public async Task Get_WrongSignature_Returns401(string nonce)
    {
        await using var factory = Factory(maxSkew: "0");

        var response = await factory.CreateClient().GetAsync(
            $"/wechat/work?msg_signature=dd6b9c95b495b3f7e2901bfbc76c664930ffdb96&timestamp=1411443780&nonce={nonce}&echostr=abc");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_StaffAsksForTheMenu_AnswersEncryptedWithCorpIdAsSender()
    {
        await using var factory = Factory();
        var (request, nonce) = Push("<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>" +
            "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>77001</MsgId><AgentID>1000002</AgentID></xml>");

        var response = await factory.CreateClient().SendAsync(request);

        var reply = Open(await response.Content.ReadAsStringAsync(), nonce);
        Assert.Equal("zhangsan", reply["ToUserName"]);
        Assert.Equal(CorpId, reply["FromUserName"]);
        Assert.Equal(StaffProgressReplies.Menu, reply["Content"]);
    }

    [Fact]
    public async Task Post_ManagerBroadcastsInChat_PreviewConfirmDeliveredAndSummarised()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        await using var api = await FakeWeChatApi.StartAsync();
        var settings = StaffSetup.Settings(webhook, api, ["恩施", "孝感", "武汉"]);
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }

        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api, settings);
        var client = factory.CreateClient();

        var preview = await SendTextAsync(client, StaffSetup.ProvinceManager, "广播 恩施 孝感：明早8点召开视频会", 88001);
        var accepted = await SendTextAsync(client, StaffSetup.ProvinceManager, "确认", 88002);
        var enshi = await webhook.WaitForMessagesAsync(StaffSetup.Key(0), 1);
        var xiaogan = await webhook.WaitForMessagesAsync(StaffSetup.Key(1), 1);
        var summary = (string?)(await api.TakeAppMessagesAsync(1))[0]["text"]!["content"];

        Assert.StartsWith("将立即发送给 2 个工作群", preview, StringComparison.Ordinal);
        Assert.StartsWith("已受理（编号 b", accepted, StringComparison.Ordinal);
        Assert.Equal("明早8点召开视频会", Assert.Single(enshi).Content);
        Assert.Equal("明早8点召开视频会", Assert.Single(xiaogan).Content);
        Assert.Empty(webhook.MessagesFor(StaffSetup.Key(2)));
        Assert.EndsWith("已送达 2/2 个工作群。", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plaintext")]
    [InlineData("wrong-corp")]
    [InlineData("forged-signature")]
    public async Task Post_HostileInput_Returns4xx(string attack)
    {
        await using var factory = Factory();
        var inner = "<xml><ToUserName>x</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId></xml>";
        var timestamp = WeChatPush.Now;
        var encrypt = attack == "wrong-corp" ? new WeChatMessageCrypto(EncodingAesKey, "wxotherCorp").Encrypt(inner) : _crypto.Encrypt(inner);
        var signature = attack == "forged-signature" ? new string('0', 40) : WeChatSignature.Compute(Token, timestamp, "9", encrypt);
        var body = attack == "plaintext" ? inner : $"<xml><ToUserName>{CorpId}</ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";

        var response = await factory.CreateClient().PostAsync($"/wechat/work?msg_signature={signature}&timestamp={timestamp}&nonce=9",
            new StringContent(body, Encoding.UTF8, "text/xml"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
    }

    private async Task<string> SendTextAsync(HttpClient client, string user, string text, long msgId)
    {
        var (request, nonce) = Push($"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>" +
            $"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId><AgentID>1000002</AgentID></xml>");
        var response = await client.SendAsync(request);
        return Open(await response.Content.ReadAsStringAsync(), nonce)["Content"];
    }

    private (HttpRequestMessage Request, string Nonce) Push(string xml)
    {
        var timestamp = WeChatPush.Now;
        const string nonce = "4242";
        var encrypt = _crypto.Encrypt(xml);
        var body = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
        var url = $"/wechat/work?msg_signature={WeChatSignature.Compute(Token, timestamp, nonce, encrypt)}&timestamp={timestamp}&nonce={nonce}";
        return (new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "text/xml") }, nonce);
    }

    private IReadOnlyDictionary<string, string> Open(string envelope, string nonce)
    {
        Assert.True(WeChatXml.TryReadFields(envelope, out var fields), "not XML: " + envelope);
        Assert.True(WeChatSignature.Verify(fields["MsgSignature"], Token, fields["TimeStamp"], nonce, fields["Encrypt"]));
        Assert.True(_crypto.TryDecrypt(fields["Encrypt"], out var plain, out _));
        Assert.True(WeChatXml.TryReadFields(plain, out var reply));
        return reply;
    }

    private static ChatPostFactory Factory(string maxSkew = "300") => new(TestRedis.Prefix(), settings: Settings(maxSkew));

    private static Dictionary<string, string?> Settings(string maxSkew = "300") => new()
    {
        ["WeCom:CorpId"] = CorpId,
        ["WeCom:AgentId"] = "1000002",
        ["WeCom:Token"] = Token,
        ["WeCom:EncodingAESKey"] = EncodingAesKey,
        ["WeChat:MaxTimestampSkewSeconds"] = maxSkew,
    };
}
