using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Channels.WeCom.AiRobot;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Channels.WeCom.AiRobot;

/// <summary>The 智能机器人's small pure parts: the mention, the stream id, the reply JSON, the response_url allow-list.</summary>
public sealed class AiRobotWireTests
{
    [Theory]
    [InlineData("@邮政助手 进度", "进度")]
    [InlineData("@邮政助手\u2005进度 襄阳", "进度 襄阳")]
    [InlineData("进度@邮政助手 ", "进度")]
    [InlineData("进度 @邮政助手\u2005", "进度")]
    [InlineData("＠邮政助手　进度", "进度")]
    [InlineData("请@邮政助手查一下EA123456785CN", "请 查一下EA123456785CN")]
    [InlineData("@邮政助手 @邮政助手 排名", "排名")]
    [InlineData("@张三 看看这个 @邮政助手", "@张三 看看这个")]
    [InlineData("@邮政助手", "")]
    [InlineData("进度", "进度")]
    public void Strip_MentionAnywhereWithOddSpaces_LeavesTheQuestion(string text, string expected)
    {
        Assert.Equal(expected, AiRobotMention.Strip(text, "邮政助手"));
    }

    [Theory]
    [InlineData("@RobotA hello robot", "hello robot")]
    [InlineData("hello robot", "hello robot")]
    [InlineData("@RobotA", "")]
    public void Strip_NoNameConfigured_CutsOnlyALeadingMention(string text, string expected)
    {
        Assert.Equal(expected, AiRobotMention.Strip(text, ""));
    }

    [Theory]
    [InlineData("zhangsan", "CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=")]
    [InlineData("张三.li@corp", "msg")]
    [InlineData("a", "")]
    public void StreamId_ForAMessage_IsStableAndNamesItsAsker(string userId, string msgId)
    {
        var stream = AiRobotStreamId.For(userId, msgId);

        Assert.Equal(stream, AiRobotStreamId.For(userId, msgId));
        Assert.NotEqual(stream, AiRobotStreamId.For(userId, msgId + "x"));
        Assert.Equal(stream, AiRobotStreamId.Read(stream.StreamId));
        Assert.Matches("^[A-Za-z0-9_-]+$", stream.StreamId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAA!!!!")]
    [InlineData("AAAAAAAAAAAAAAAA_w")]
    public void StreamId_ReadNotOneOfOurs_IsNull(string? streamId)
    {
        Assert.Null(AiRobotStreamId.Read(streamId));
    }

    [Fact]
    public void Stream_ContentOverTheLimit_CutOnACharacterWithANoteWithin20480Bytes()
    {
        var content = string.Concat(Enumerable.Repeat("襄阳投递进度良好😀。\n", 1_500));

        var stream = JsonNode.Parse(AiRobotReplyJson.Stream("s1", finish: true, content))!["stream"]!;
        var shown = (string)stream["content"]!;

        Assert.InRange(Encoding.UTF8.GetByteCount(shown), 20_000, AiRobotReplyJson.MaxContentBytes);
        Assert.EndsWith("（内容过长，已截断）", shown, StringComparison.Ordinal);
        Assert.StartsWith(shown[..^"\n\n……（内容过长，已截断）".Length], content, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', shown);
    }

    [Fact]
    public void Stream_WithActions_AButtonCardWhoseKeysGiveTheActionsBack()
    {
        var reply = JsonNode.Parse(AiRobotReplyJson.Stream("sid-1", finish: true, "预览", actions: ["确认", "取消"]))!;

        Assert.Equal("stream_with_template_card", (string?)reply["msgtype"]);
        var card = reply["template_card"]!;
        Assert.Equal("button_interaction", (string?)card["card_type"]);
        Assert.Equal("sid-1", (string?)card["task_id"]);
        Assert.Equal(["确认", "取消"], card["button_list"]!.AsArray().Select(button => AiRobotReplyJson.ActionOf((string?)button!["key"])));
    }

    [Fact]
    public void Images_PngBytes_Base64AndMd5AsWeComAsks()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47];

        var items = JsonNode.Parse(AiRobotReplyJson.Images([png])!)!.AsArray();

        var image = Assert.Single(items)!["image"]!;
        Assert.Equal("iVBORw==", (string?)image["base64"]);
        Assert.Equal("3bdaf5969285188ac756c339f69f5c79", (string?)image["md5"]);
        Assert.Null(AiRobotReplyJson.Images([]));
    }

    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=abc", true)]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/aibot/response", true)]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/aibot/responseX?response_code=abc", false)]
    [InlineData("https://qyapi.weixin.qq.com.evil.example/cgi-bin/aibot/response?x", false)]
    [InlineData("http://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=abc", false)]
    [InlineData("https://qyapi.weixin.qq.com:8443/cgi-bin/aibot/response?response_code=abc", false)]
    [InlineData("https://evil.example/?u=https://qyapi.weixin.qq.com/cgi-bin/aibot/response", false)]
    [InlineData("RESPONSEURL", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Allows_OnlyUrlsUnderTheConfiguredPrefix(string? url, bool allowed)
    {
        using var http = new HttpClient();
        var sut = new AiRobotResponder(http, Options.Create(new AiRobotOptions()), TestMetrics.Create(), NullLogger<AiRobotResponder>.Instance);

        Assert.Equal(allowed, sut.Allows(url));
    }
}
