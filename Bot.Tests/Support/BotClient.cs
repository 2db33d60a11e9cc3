using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Tests.Support;

/// <summary>A citizen on the Official Account: sends text pushes in safe mode and reads the passive answers.</summary>
public sealed class BotClient(HttpClient http, string openId = "oKnowledgeTester")
{
    private static long s_msgId = 880_000_000;
    private readonly WeChatPush _push = new();

    /// <summary>
    /// The text of the passive answer to <paramref name="text"/> (a handoff's answer is its MsgType); with a
    /// <paramref name="msgId"/> already sent, WeChat's retry of that message.
    /// </summary>
    public async Task<string> AskAsync(string text, long? msgId = null)
    {
        var xml = WeChatPush.TextXml(openId, text, msgId ?? Interlocked.Increment(ref s_msgId), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var response = await http.SendAsync(_push.Safe(xml));
        var reply = _push.OpenReply(await response.Content.ReadAsStringAsync());
        Assert.True(WeChatXml.TryReadFields(reply, out var fields), reply);
        return fields.TryGetValue("Content", out var content) ? content : "[" + fields["MsgType"] + "]";
    }
}
