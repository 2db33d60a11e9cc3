using System.Globalization;
using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.WeChatVectors;

namespace ChatPost.Bot.Tests.WeChat;

public sealed class InboundMessageTests
{
    private const string Account = "gh_97417a04a28d";
    private const string OpenId = "o9AgO5Kd5ggOC-bXrbNODIiE3bGY";

    public static TheoryData<string, InboundMessage> Samples => new()
    {
        { "oa-text.xml", Oa(1715943329, "text") with { MsgId = 6074746557628292943, Content = "查快递 SF1234567890\n谢谢" } },
        { "oa-image.xml", Oa(1715943330, "image") with { MsgId = 6074746557628292944, PicUrl = "http://mmbiz.qpic.cn/example/0", MediaId = "media_id_image" } },
        { "oa-voice.xml", Oa(1715943331, "voice") with { MsgId = 6074746557628292945, MediaId = "media_id_voice", Format = "amr", Recognition = "我的发票开好了吗" } },
        { "oa-video.xml", Oa(1715943332, "video") with { MsgId = 6074746557628292946, MediaId = "media_id_video", ThumbMediaId = "thumb_media_id" } },
        { "oa-shortvideo.xml", Oa(1715943333, "shortvideo") with { MsgId = 6074746557628292947, MediaId = "media_id_shortvideo", ThumbMediaId = "thumb_media_id" } },
        { "oa-location.xml", Oa(1715943334, "location") with { MsgId = 6074746557628292948, LocationX = 23.134521, LocationY = 113.358803, Scale = 20, Label = "广州市天河区" } },
        { "oa-link.xml", Oa(1715943335, "link") with { MsgId = 6074746557628292949, Title = "公众平台官网链接", Description = "公众平台官网链接", Url = "https://mp.weixin.qq.com/" } },
        { "oa-event-subscribe.xml", Oa(1715943336, "event") with { Event = "subscribe", EventKey = "" } },
        { "oa-event-subscribe-qrscene.xml", Oa(1715943337, "event") with { Event = "subscribe", EventKey = "qrscene_123123", Ticket = "TICKET" } },
        { "oa-event-scan.xml", Oa(1715943338, "event") with { Event = "SCAN", EventKey = "123123", Ticket = "TICKET" } },
        { "oa-event-location.xml", Oa(1715943339, "event") with { Event = "LOCATION", Latitude = 23.137466, Longitude = 113.352425, Precision = 119.385040 } },
        { "oa-event-click.xml", Oa(1715943340, "event") with { Event = "CLICK", EventKey = "MENU_TRACKING" } },
        { "oa-event-view.xml", Oa(1715943341, "event") with { Event = "VIEW", EventKey = "https://example.com/invoices" } },
        { "wecom-text.xml", new InboundMessage { ToUserName = "toUser", FromUserName = "fromUser", CreateTime = 1348831860, MsgType = "text", MsgId = 1234567890123456, Content = "this is a test", AgentId = "1" } },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void TryCreate_CallbackSample_MapsEveryField(string file, InboundMessage expected)
    {
        Assert.True(WeChatXml.TryReadFields(File.ReadAllText(WeChatXmlTests.TestDataPath(file)), out var fields));

        var ok = InboundMessage.TryCreate(fields, out var message);

        Assert.True(ok);
        Assert.Equal(expected, message);
    }

    [Fact]
    public void TryCreate_V6DecryptedEvent_MapsEventWithoutMsgId()
    {
        Assert.True(WeChatXml.TryReadFields(V6.Msg, out var fields));

        var ok = InboundMessage.TryCreate(fields, out var message);

        Assert.True(ok);
        Assert.NotNull(message);
        Assert.Equal(Oa(1715943329, "event") with { Event = "debug_demo" }, message);
        Assert.Equal($"{OpenId}|1715943329|debug_demo", message.DedupeKey);
    }

    [Fact]
    public void TryCreate_V7cDecryptedText_MapsWeComMessage()
    {
        Assert.True(WeChatXml.TryReadFields(V7.InboundPlain, out var fields));

        var ok = InboundMessage.TryCreate(fields, out var message);

        Assert.True(ok);
        Assert.NotNull(message);
        Assert.Equal("test", message.Content);
        Assert.Equal("messense", message.FromUserName);
        Assert.Equal(4363689963896700987, message.MsgId);
        Assert.Equal("1", message.AgentId);
        Assert.Equal("4363689963896700987", message.DedupeKey);
    }

    [Theory]
    [InlineData("ToUserName", null)]
    [InlineData("ToUserName", "")]
    [InlineData("FromUserName", null)]
    [InlineData("FromUserName", "")]
    [InlineData("MsgType", null)]
    [InlineData("MsgType", "")]
    [InlineData("CreateTime", null)]
    [InlineData("CreateTime", "")]
    [InlineData("CreateTime", "abc")]
    [InlineData("CreateTime", "1.5")]
    [InlineData("CreateTime", "99999999999999999999")]
    [InlineData("MsgId", "abc")]
    [InlineData("MsgId", "1e5")]
    [InlineData("MsgId", "18446744073709551615")]
    [InlineData("Location_X", "abc")]
    [InlineData("Location_X", "23,134521")]
    [InlineData("Location_Y", "NaN")]
    [InlineData("Latitude", "Infinity")]
    [InlineData("Longitude", "-∞")]
    [InlineData("Precision", "1e400")]
    [InlineData("Scale", "1.5")]
    [InlineData("Scale", "99999999999")]
    public void TryCreate_MissingOrMalformedField_ReturnsFalse(string name, string? value)
    {
        var fields = ValidFields();
        if (value is null)
        {
            fields.Remove(name);
        }
        else
        {
            fields[name] = value;
        }

        var ok = InboundMessage.TryCreate(fields, out var message);

        Assert.False(ok);
        Assert.Null(message);
    }

    [Theory]
    [InlineData("MsgId", "")]
    [InlineData("Scale", "")]
    [InlineData("Latitude", "")]
    public void TryCreate_EmptyOptionalNumber_TreatsAsAbsent(string name, string value)
    {
        var fields = ValidFields();
        fields[name] = value;

        var ok = InboundMessage.TryCreate(fields, out var message);

        Assert.True(ok);
        Assert.NotNull(message);
        Assert.Null(message.MsgId);
        Assert.Null(message.Scale);
        Assert.Null(message.Latitude);
    }

    [Fact]
    public void TryCreate_CommaDecimalCulture_ParsesInvariant()
    {
        var fields = ValidFields();
        fields["Location_X"] = "23.134521";
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

        try
        {
            Assert.True(InboundMessage.TryCreate(fields, out var message));
            Assert.Equal(23.134521, message.LocationX);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("123", "event", "CLICK", "123")]
    [InlineData(null, "subscribe", null, OpenId + "|1715943336|subscribe")]
    [InlineData(null, "subscribe", "", OpenId + "|1715943336|subscribe")]
    [InlineData(null, "subscribe", "qrscene_123123", OpenId + "|1715943336|subscribe|qrscene_123123")]
    [InlineData(null, "CLICK", "MENU_TRACKING", OpenId + "|1715943336|CLICK|MENU_TRACKING")]
    [InlineData(null, null, null, OpenId + "|1715943336|")]
    public void DedupeKey_MessageOrEvent_CombinesDocumentedFields(string? msgId, string? eventName, string? eventKey, string expected)
    {
        var message = Oa(1715943336, "event") with
        {
            MsgId = msgId is null ? null : long.Parse(msgId, CultureInfo.InvariantCulture),
            Event = eventName,
            EventKey = eventKey,
        };

        var key = message.DedupeKey;

        Assert.Equal(expected, key);
    }

    [Fact]
    public void ToString_TextMessage_OmitsPersonalData()
    {
        var message = Oa(1715943329, "text") with { Content = "我的手机号 13800001111", MsgId = 42 };

        var text = message.ToString();

        Assert.Equal("InboundMessage { MsgType = text, Event = , MsgId = 42, CreateTime = 1715943329 }", text);
    }

    [Fact]
    public void TryCreate_NullFields_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => InboundMessage.TryCreate(null!, out _));
    }

    private static InboundMessage Oa(long createTime, string msgType) =>
        new() { ToUserName = Account, FromUserName = OpenId, CreateTime = createTime, MsgType = msgType };

    private static Dictionary<string, string> ValidFields() => new()
    {
        ["ToUserName"] = Account,
        ["FromUserName"] = OpenId,
        ["CreateTime"] = "1715943329",
        ["MsgType"] = "location",
    };
}
