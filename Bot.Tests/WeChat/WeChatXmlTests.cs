using System.Text;
using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.WeChatVectors;

namespace ChatPost.Bot.Tests.WeChat;

public sealed class WeChatXmlTests
{
    public static TheoryData<string> HostileOrMalformed => new()
    {
        "<!DOCTYPE xml><xml><Content>x</Content></xml>",
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"b\">]><xml><Content>&a;</Content></xml>",
        "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"http://127.0.0.1/x.dtd\"> %p;]><xml/>",
        "<!DOCTYPE xml SYSTEM \"http://127.0.0.1/x.dtd\"><xml/>",
        "<xml><Content>&xxe;</Content></xml>",
        "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>",
        "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUser",
        "<xml><ToUserName><![CDATA[gh_97417a04a28d]></ToUserName></xml>",
        "<xml><ToUserName>a</FromUserName></xml>",
        "<root><ToUserName>a</ToUserName></root>",
        "<XML><ToUserName>a</ToUserName></XML>",
        "<x:xml xmlns:x=\"urn:x\"><ToUserName>a</ToUserName></x:xml>",
        "<xml/><xml/>",
        "<xml></xml>trailing",
        "",
        "   ",
        "success",
        "{\"ToUserName\":\"a\"}",
        "<xml><Content>\u0001</Content></xml>",
        new string('<', 1) + "xml>" + string.Concat(Enumerable.Repeat("<a>", 9)) + string.Concat(Enumerable.Repeat("</a>", 9)) + "</xml>",
        "<xml><Content>" + new string('x', WeChatXml.MaxBodyBytes * 2) + "</Content></xml>",
    };

    [Fact]
    public void TryReadFields_V6DecryptedMessage_ReadsEveryField()
    {
        var ok = WeChatXml.TryReadFields(V6.Msg, out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal(new Dictionary<string, string>
        {
            ["ToUserName"] = "gh_97417a04a28d",
            ["FromUserName"] = "o9AgO5Kd5ggOC-bXrbNODIiE3bGY",
            ["CreateTime"] = "1715943329",
            ["MsgType"] = "event",
            ["Event"] = "debug_demo",
            ["debug_str"] = "hello world",
        }, fields);
    }

    [Fact]
    public void TryReadFields_V7cEnvelope_ReadsEncryptAndAgentId()
    {
        var ok = WeChatXml.TryReadFields(V7.InboundBody, out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal(3, fields.Count);
        Assert.Equal(V7.CorpId, fields["ToUserName"]);
        Assert.Equal(V7.InboundEncrypt, fields["Encrypt"]);
        Assert.Equal("1", fields["AgentID"]);
    }

    [Theory]
    [InlineData(V7.InboundPlain, "Content", "test")]
    [InlineData(V7.InboundPlain, "FromUserName", "messense")]
    [InlineData(V7.InboundPlain, "MsgId", "4363689963896700987")]
    [InlineData(V7.Reply, "AgentID", "1")]
    [InlineData(V7.Reply, "ToUserName", "messense")]
    [InlineData(V6.ReplyMsg, "demo_resp", "[CDATA[good luck]]")]
    [InlineData(V3.ReplyMsg2, "ToUserName", "oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw")]
    [InlineData(V3.ReplyMsg2, "Video/MediaId", "eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0")]
    [InlineData(V3.ReplyMsg2, "Video/Title", "testCallBackReplyVideo")]
    public void TryReadFields_VectorDocument_ReadsField(string xml, string name, string expected)
    {
        var ok = WeChatXml.TryReadFields(xml, out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal(expected, fields[name]);
    }

    [Theory]
    [InlineData("<Content><![CDATA[  两端空白  ]]></Content>", "  两端空白  ")]
    [InlineData("<Content><![CDATA[第一行\n第二行\n]]></Content>", "第一行\n第二行\n")]
    [InlineData("<Content><![CDATA[a\r\nb]]></Content>", "a\nb")]
    [InlineData("<Content><![CDATA[a]]]]><![CDATA[>b]]></Content>", "a]]>b")]
    [InlineData("<Content>&lt;b&gt; &amp; &#20013;</Content>", "<b> & 中")]
    [InlineData("<Content>x<![CDATA[y]]>z</Content>", "xyz")]
    [InlineData("<Content> </Content>", " ")]
    [InlineData("<Content></Content>", "")]
    [InlineData("<Content/>", "")]
    [InlineData("<Content><![CDATA[]]></Content>", "")]
    [InlineData("<Content><!-- note -->a</Content>", "a")]
    [InlineData("<Content>first</Content><Content>second</Content>", "first")]
    public void TryReadFields_ContentForms_ReadsTextExactly(string element, string expected)
    {
        var ok = WeChatXml.TryReadFields($"<xml>{element}</xml>", out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal(expected, fields["Content"]);
    }

    [Fact]
    public void TryReadFields_NestedElements_FlattensLeavesOnly()
    {
        var xml = File.ReadAllText(TestDataPath("oa-event-scancode.xml"));

        var ok = WeChatXml.TryReadFields(xml, out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal("barcode", fields["ScanCodeInfo/ScanType"]);
        Assert.Equal("CODE_128,SF1234567890", fields["ScanCodeInfo/ScanResult"]);
        Assert.False(fields.ContainsKey("ScanCodeInfo"));
        Assert.Equal("SCAN_WAYBILL", fields["EventKey"]);
    }

    [Fact]
    public void TryReadFields_CompatibleModeBody_ReadsPlainFieldsAndEncrypt()
    {
        var xml = File.ReadAllText(TestDataPath("oa-compatible.xml"));

        var ok = WeChatXml.TryReadFields(xml, out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal("abcdteT", fields["Content"]);
        Assert.Equal(V6.Encrypt, fields["Encrypt"]);
    }

    [Theory]
    [InlineData("billion-laughs.xml")]
    [InlineData("xxe-external.xml")]
    public void TryReadFields_DtdAttackFile_ReturnsFalse(string file)
    {
        var xml = File.ReadAllText(TestDataPath(file));

        var ok = WeChatXml.TryReadFields(xml, out var fields);

        Assert.False(ok);
        Assert.Null(fields);
    }

    [Theory]
    [MemberData(nameof(HostileOrMalformed))]
    public void TryReadFields_HostileOrMalformed_ReturnsFalse(string xml)
    {
        var ok = WeChatXml.TryReadFields(xml, out var fields);

        Assert.False(ok);
        Assert.Null(fields);
    }

    [Theory]
    [InlineData("<xml/>", 0)]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xml><A>1</A></xml>\n", 1)]
    [InlineData("<xml a=\"1\"><A>1</A>text in root<B/></xml>", 2)]
    public void TryReadFields_UnusualButWellFormed_ReturnsTrue(string xml, int count)
    {
        var ok = WeChatXml.TryReadFields(xml, out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal(count, fields.Count);
    }

    [Fact]
    public void TryReadFields_ContentNearSizeLimit_ReturnsTrue()
    {
        var content = new string('中', WeChatXml.MaxBodyBytes);

        var ok = WeChatXml.TryReadFields($"<xml><Content>{content}</Content></xml>", out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal(content, fields["Content"]);
    }

    [Fact]
    public void TryReadFields_Utf8BodyWithBom_ReadsLikeString()
    {
        byte[] body = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(V6.Msg)];

        var ok = WeChatXml.TryReadFields(body, out var fields);

        Assert.True(ok);
        Assert.NotNull(fields);
        Assert.Equal("debug_demo", fields["Event"]);
    }

    [Theory]
    [InlineData(new byte[] { 0x3C, 0x78, 0x6D, 0x6C, 0x3E, 0xFF, 0x3C, 0x2F, 0x78, 0x6D, 0x6C, 0x3E })]
    [InlineData(new byte[] { })]
    public void TryReadFields_Utf8BodyInvalid_ReturnsFalse(byte[] body)
    {
        var ok = WeChatXml.TryReadFields(body, out var fields);

        Assert.False(ok);
        Assert.Null(fields);
    }

    [Fact]
    public void TryReadFields_Utf8BodyOverMaxBodyBytes_ReturnsFalse()
    {
        var body = Encoding.UTF8.GetBytes($"<xml><Content>{new string('x', WeChatXml.MaxBodyBytes)}</Content></xml>");

        var ok = WeChatXml.TryReadFields(body, out _);

        Assert.False(ok);
    }

    internal static string TestDataPath(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "WeChat", file);
}
