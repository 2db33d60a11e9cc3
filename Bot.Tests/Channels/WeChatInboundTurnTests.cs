using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Moq;

namespace ChatPost.Bot.Tests.Channels;

/// <summary>A callback's turn: a citizen's as WeChat sent it; a sandbox user's (the start-up warm-up's) counted and sent nowhere.</summary>
public class WeChatInboundTurnTests
{
    private readonly MemoryWorkBacklog _backlog = new(TimeProvider.System);
    private readonly IWeChatChannel _channel = new OfficialAccountChannel(Mock.Of<IWeChatApiClient>(), null!);

    [Fact]
    public async Task Citizen_ActivityUnmarked_LateRepliesQueuedForTheApi()
    {
        var turn = Turn("oCitizen");

        Assert.False(SandboxTurns.IsSandbox(turn.ToActivity()));
        await turn.CreateDelivery(new LateReplyOutbox(_backlog, TimeProvider.System)).SendLateAsync([OutboundReply.ForText("稍后")], default);
        Assert.Equal(1, await _backlog.CountAsync(default));
    }

    [Fact]
    public async Task SandboxUser_ActivityMarkedAsTheSandboxs_LateRepliesGoNowhere()
    {
        var turn = Turn("sandbox-warmup-3");

        Assert.True(SandboxTurns.IsSandbox(turn.ToActivity()));
        var delivery = turn.CreateDelivery(new LateReplyOutbox(_backlog, TimeProvider.System));
        await delivery.SendLateAsync([OutboundReply.ForText("稍后")], default);
        await delivery.EndLateAsync(default);
        Assert.Equal(0, await _backlog.CountAsync(default));
    }

    private WeChatInboundTurn Turn(string user) => new(_channel, new InboundMessage
    {
        ToUserName = "gh_account",
        FromUserName = user,
        CreateTime = 1_700_000_000,
        MsgType = "text",
        Content = "EA123456785CN到哪了",
        MsgId = 42,
    }, TimeProvider.System);
}
