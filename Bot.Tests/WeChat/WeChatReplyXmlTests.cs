using System.Text;
using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.WeChatVectors;

namespace ChatPost.Bot.Tests.WeChat;

public sealed class WeChatReplyXmlTests
{
    [Fact]
    public void Text_DocumentedSample_MatchesExactly()
    {
        var xml = WeChatReplyXml.Text("toUser", "fromUser", 12345678, "你好");

        Assert.Equal(
            "<xml>\n<ToUserName><![CDATA[toUser]]></ToUserName>\n<FromUserName><![CDATA[fromUser]]></FromUserName>\n"
            + "<CreateTime>12345678</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[你好]]></Content>\n</xml>",
            xml);
    }

    [Fact]
    public void News_DocumentedSample_MatchesExactly()
    {
        var xml = WeChatReplyXml.News("toUser", "fromUser", 12345678, [new("title1", "description1", "picurl", "url")]);

        Assert.Equal(
            "<xml>\n<ToUserName><![CDATA[toUser]]></ToUserName>\n<FromUserName><![CDATA[fromUser]]></FromUserName>\n"
            + "<CreateTime>12345678</CreateTime>\n<MsgType><![CDATA[news]]></MsgType>\n<ArticleCount>1</ArticleCount>\n"
            + "<Articles>\n<item>\n<Title><![CDATA[title1]]></Title>\n<Description><![CDATA[description1]]></Description>\n"
            + "<PicUrl><![CDATA[picurl]]></PicUrl>\n<Url><![CDATA[url]]></Url>\n</item>\n</Articles>\n</xml>",
            xml);
    }

    [Theory]
    [InlineData(null, "<xml>\n<ToUserName><![CDATA[touser]]></ToUserName>\n<FromUserName><![CDATA[fromuser]]></FromUserName>\n<CreateTime>1399197672</CreateTime>\n<MsgType><![CDATA[transfer_customer_service]]></MsgType>\n</xml>")]
    [InlineData("test1@test", "<xml>\n<ToUserName><![CDATA[touser]]></ToUserName>\n<FromUserName><![CDATA[fromuser]]></FromUserName>\n<CreateTime>1399197672</CreateTime>\n<MsgType><![CDATA[transfer_customer_service]]></MsgType>\n<TransInfo>\n<KfAccount><![CDATA[test1@test]]></KfAccount>\n</TransInfo>\n</xml>")]
    public void TransferCustomerService_DocumentedSample_MatchesExactly(string? kfAccount, string expected)
    {
        var xml = WeChatReplyXml.TransferCustomerService("touser", "fromuser", 1399197672, kfAccount);

        Assert.Equal(expected, xml);
    }

    [Theory]
    [InlineData(V6.ReplyEncrypt, V6.ReplyMsgSignature, V6.ReplyTimestamp, V6.ReplyNonce, V6.ReplyBody)]
    [InlineData(V7.ReplyEncrypt, V7.ReplyMsgSignature, V7.ReplyTimestamp, V7.ReplyNonce, V7.ReplyBody)]
    public void EncryptedEnvelope_Vector_MatchesDocumentedBody(string encrypt, string signature, string timestamp, string nonce, string expected)
    {
        var xml = WeChatReplyXml.EncryptedEnvelope(encrypt, signature, timestamp, nonce);

        Assert.Equal(expected, xml);
    }

    [Theory]
    [InlineData(V6.EncodingAesKey, V6.ReceiveId, V6.Token, V6.ReplyMsg, V6.ReplyRandom, V6.ReplyTimestamp, V6.ReplyNonce, V6.ReplyBody)]
    [InlineData(V7.EncodingAesKey, V7.CorpId, V7.Token, V7.Reply, V7.ReplyRandom, V7.ReplyTimestamp, V7.ReplyNonce, V7.ReplyBody)]
    public void EncryptedEnvelope_EncryptSignWrapPipeline_ReproducesDocumentedReply(
        string key, string receiveId, string token, string reply, string random, string timestamp, string nonce, string expected)
    {
        var crypto = new WeChatMessageCrypto(key, receiveId);

        var encrypt = crypto.Encrypt(reply, Encoding.ASCII.GetBytes(random));
        var signature = WeChatSignature.Compute(token, timestamp, nonce, encrypt);
        var xml = WeChatReplyXml.EncryptedEnvelope(encrypt, signature, timestamp, nonce);

        Assert.Equal(expected, xml);
    }

    [Theory]
    [InlineData("a]]>b", "<Content><![CDATA[a]]]]><![CDATA[>b]]></Content>")]
    [InlineData("]]>", "<Content><![CDATA[]]]]><![CDATA[>]]></Content>")]
    [InlineData("]]>]]>", "<Content><![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]></Content>")]
    [InlineData("]]", "<Content><![CDATA[]]]]></Content>")]
    [InlineData("<b>&amp;</b>", "<Content><![CDATA[<b>&amp;</b>]]></Content>")]
    public void Text_CDataTerminatorInContent_SplitsSection(string content, string expectedElement)
    {
        var xml = WeChatReplyXml.Text("u", "a", 1, content);

        Assert.Contains(expectedElement, xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a]]>b")]
    [InlineData("]]>]]>]]")]
    [InlineData("第一行\n第二行")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("<![CDATA[x]]>")]
    public void Text_AnyContent_ParsesBackUnchanged(string content)
    {
        var xml = WeChatReplyXml.Text("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "gh_97417a04a28d", 1715943329, content);

        Assert.True(WeChatXml.TryReadFields(xml, out var fields));
        Assert.Equal(content, fields["Content"]);
        Assert.Equal("text", fields["MsgType"]);
    }

    [Theory]
    [InlineData(900)]
    [InlineData(1100)]
    [InlineData(2048)]
    public void Text_LongerThanTheStackBuffer_WritesItWhole(int length)
    {
        var content = string.Concat(Enumerable.Repeat("邮件]]>", length / 5 + 1))[..length];

        var xml = WeChatReplyXml.Text("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "gh_97417a04a28d", 1715943329, content);

        Assert.True(WeChatXml.TryReadFields(xml, out var fields));
        Assert.Equal(content, fields["Content"]);
        Assert.EndsWith("]]></Content>\n</xml>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void News_EightArticlesWithNulls_WritesEmptyElements()
    {
        var articles = Enumerable.Range(1, 8).Select(i => new NewsArticle($"标题{i}", null, null, null)).ToList();

        var xml = WeChatReplyXml.News("u", "a", 1, articles);

        Assert.True(WeChatXml.TryReadFields(xml, out var fields));
        Assert.Equal("8", fields["ArticleCount"]);
        Assert.Equal("标题1", fields["Articles/item/Title"]);
        Assert.Equal("", fields["Articles/item/Description"]);
        Assert.Equal(8, xml.Split("<item>").Length - 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void News_ArticleCountOutOfRange_Throws(int count)
    {
        var articles = Enumerable.Range(1, count).Select(i => new NewsArticle($"t{i}", "d", "p", "u")).ToList();

        Assert.Throws<ArgumentOutOfRangeException>(() => WeChatReplyXml.News("u", "a", 1, articles));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("1713424427 ")]
    [InlineData("<x/>")]
    public void EncryptedEnvelope_TimestampNotDigits_Throws(string timestamp)
    {
        Assert.Throws<ArgumentException>(() => WeChatReplyXml.EncryptedEnvelope(V6.ReplyEncrypt, V6.ReplyMsgSignature, timestamp, V6.ReplyNonce));
    }

    [Fact]
    public void Success_Constant_IsTheDocumentedNoReplyBody()
    {
        Assert.Equal("success", WeChatReplyXml.Success);
    }
}
