using System.Security.Cryptography;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Channels.WeCom;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Console.Sandbox;

/// <summary>Which bot the sandbox talks to.</summary>
public enum SandboxBot
{
    /// <summary>The citizens' bot of the Official Account (公众号).</summary>
    Citizens,

    /// <summary>The staff bot of the WeCom app (企业微信应用).</summary>
    Staff,
}

/// <summary>
/// The console's 对话测试: a message goes through the one turn pipeline (<see cref="WeChatCallbackHandler"/>: turn gate,
/// deadline, adapter, the bot and its state) exactly as a WeChat or WeCom callback would, as a sandbox user of its own.
/// A sandbox user's id (<c>sandbox-…</c>) is neither an OpenID nor a manager's UserID, so it reads and writes only its own
/// conversation, can send no broadcast, sets no reminder (提醒: nothing could tell it of a change), and its replies are kept for
/// the page rather than sent through WeChat's API.
/// </summary>
public sealed class ConsoleSandbox(WeChatCallbackHandler handler, OfficialAccountChannel citizens, WeComChannel staff, IBot citizensBot,
    [FromKeyedServices(DialogsExtensions.StaffBotKey)] IBot staffBot, IOptions<WeChatOptions> wechat, TimeProvider time,
    ILogger<ConsoleSandbox> logger)
{
    /// <summary>Longest message the page takes: WeChat's own limit for a text message is about as long.</summary>
    public const int MaxMessageLength = 600;

    /// <summary>How long the page waits for a turn that missed WeChat's deadline, to show what it said later.</summary>
    private static readonly TimeSpan LatePatience = TimeSpan.FromSeconds(15);

    /// <summary>Starts a conversation of a new sandbox user (its state starts empty).</summary>
    public static string NewConversation() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>A conversation id the page posted back, when it is one <see cref="NewConversation"/> made.</summary>
    public static bool IsConversation(string? id) => id is { Length: 16 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The id of one message; a form posted twice carries the same one, and is answered once.</summary>
    public static long NewMessageId() => Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>The sandbox user's id on the chosen channel.</summary>
    public static string UserId(string conversation) => UserIds.SandboxPrefix + conversation;

    /// <summary>Says <paramref name="text"/> to <paramref name="bot"/> as the sandbox user of <paramref name="conversation"/>; returns what it answered.</summary>
    public async Task<IReadOnlyList<SandboxReply>> SayAsync(ConsoleUser user, SandboxBot bot, string conversation, long messageId, string text,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsConversation(conversation))
        {
            throw new ArgumentException("Not a sandbox conversation id.", nameof(conversation));
        }

        IWeChatChannel channel = bot == SandboxBot.Staff ? staff : citizens;
        var message = new InboundMessage
        {
            ToUserName = "sandbox",
            FromUserName = UserId(conversation),
            CreateTime = time.GetUtcNow().ToUnixTimeSeconds(),
            MsgType = "text",
            Content = text,
            MsgId = messageId,
        };
        var turn = new SandboxTurn(channel, message, time);
        var answer = await handler.HandleAsync(turn, bot == SandboxBot.Staff ? staffBot : citizensBot, wechat.Value.ReplyDeadline, cancellationToken);
        var replies = SandboxReply.Decode(answer);
        if (replies.Any(reply => reply.Who == SandboxSpeaker.Late))
        {
            replies = [.. replies, .. await turn.SaidLateAsync(LatePatience, cancellationToken)];
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var late = replies.Any(reply => reply.Who == SandboxSpeaker.Late);
            logger.SandboxTurn(UserIds.Mask(user.Id), bot, replies.Count - (late ? 1 : 0), late);
        }

        return replies;
    }
}
