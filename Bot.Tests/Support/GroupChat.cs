using ChatPost.Bot.Channels.WeCom.AiRobot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A WeCom group as the staff bot sees it through the 智能机器人: one conversation (the chat id), several members.
/// A script reads <c>group.Says(member, text).AssertReply(…)</c>, step after step, then <see cref="StartTestAsync"/>.
/// </summary>
public sealed class GroupChat(IBot bot, string chatId)
{
    private readonly TestAdapter _adapter = new(new ConversationReference
    {
        ChannelId = AiRobotTurn.ChannelId,
        ServiceUrl = "wecom-robot://test",
        Conversation = new ConversationAccount(isGroup: true, id: chatId),
        User = new ChannelAccount("member"),
        Bot = new ChannelAccount("aibTestBot01"),
    });

    private TestFlow? _flow;

    private TestFlow Flow => _flow ??= new TestFlow(_adapter, bot);

    /// <summary><paramref name="userId"/> @-mentions the robot with <paramref name="text"/> (the mention already cut).</summary>
    public Message Says(string userId, string text)
    {
        var activity = _adapter.MakeActivity(text);
        activity.From = new ChannelAccount(userId, role: RoleTypes.User);
        return new Message(this, activity);
    }

    /// <summary>Runs the script.</summary>
    public Task StartTestAsync() => Flow.StartTestAsync();

    /// <summary>A message waiting for what the bot must answer to it.</summary>
    public sealed class Message(GroupChat chat, IActivity message)
    {
        public GroupChat AssertReply(Action<IActivity> check)
        {
            chat._flow = chat.Flow.Send(message).AssertReply(check);
            return chat;
        }

        public GroupChat AssertReply(string expected)
        {
            chat._flow = chat.Flow.Send(message).AssertReply(expected);
            return chat;
        }
    }
}
