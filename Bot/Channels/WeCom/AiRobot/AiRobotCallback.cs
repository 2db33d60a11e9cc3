using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// Verifies, decrypts and answers the 智能机器人's callbacks (WECOM-ROBOT.md): the URL check decrypts <c>echostr</c>;
/// a message claims its stream and runs a turn of the staff bot (the one pipeline: turn gate, adapter, deadline); a
/// refresh reads the stream, on whichever replica it lands; events welcome, update cards, count feedback. Every answer
/// is the encrypted JSON envelope, or an empty 200. The receive id is <c>""</c>: the one WXBizMsgCrypt checks it.
/// </summary>
public sealed class AiRobotCallback(WeChatCallbackHandler handler, IAiRobotStreams streams, AiRobotResponder responder,
    IOptions<AiRobotOptions> options, IOptions<WeChatOptions> wechat, ChatPostMetrics metrics, TimeProvider time, ILogger<AiRobotCallback> logger)
{
    /// <summary>How long a card click may take: WeCom drops the click after 5 s and never retries it.</summary>
    private static readonly TimeSpan CardDeadline = TimeSpan.FromSeconds(4);

    private readonly AiRobotOptions _settings = options.Value;
    private readonly CallbackCrypto? _crypto = options.Value.IsConfigured
        ? new CallbackCrypto(options.Value.Token, new WeChatMessageCrypto(options.Value.EncodingAESKey, ""), time)
        : null;

    /// <summary>GET: the plaintext of <c>echostr</c> only — no quotes, BOM or line break.</summary>
    public IResult VerifyUrl(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Refuses(http, out var refusal) ? refusal : CallbackRequest.VerifyEchostr(http, _crypto, logger, AiRobotTurn.ChannelId);
    }

    /// <summary>POST: a message, a stream refresh or an event.</summary>
    public async Task<IResult> ReceiveAsync(HttpContext http, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Refuses(http, out var refusal))
        {
            return refusal;
        }

        var (body, status, reason) = await CallbackRequest.ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Reject(http, status, reason!);
        }

        if (Read(body, AiRobotJsonContext.Default.AiRobotEnvelope) is not { Encrypt: { Length: > 0 } encrypt })
        {
            return Reject(http, StatusCodes.Status400BadRequest, "malformed JSON envelope");
        }

        var query = http.Request.Query;
        var nonce = query["nonce"].ToString();
        var (plaintext, openStatus, openReason) = _crypto.Open(query["msg_signature"], query["timestamp"].ToString(), nonce, encrypt);
        if (plaintext is null)
        {
            return Reject(http, openStatus, openReason);
        }

        if (Read(plaintext, AiRobotJsonContext.Default.AiRobotMessage) is not { MsgType: { Length: > 0 } } message)
        {
            return Reject(http, StatusCodes.Status400BadRequest, "malformed decrypted JSON");
        }

        if (message.AiBotId != _settings.BotId)
        {
            metrics.AiRobotCallback("foreign");
            logger.ForeignRobot(UserIds.Mask(message.AiBotId));
            return Empty();
        }

        if (message.MsgType != "stream" && (message.MsgId is not { Length: > 0 } || message.From?.UserId is not { Length: > 0 }))
        {
            return Reject(http, StatusCodes.Status400BadRequest, "a message without msgid or from.userid");
        }

        var answer = await AnswerAsync(message, bot, cancellationToken);
        return answer.Length == 0 ? Empty() : Sealed(answer, nonce);
    }

    /// <summary>The plaintext answer to a verified, decrypted callback for this robot (empty: answer nothing).</summary>
    internal async Task<string> AnswerAsync(AiRobotMessage message, IBot bot, CancellationToken cancellationToken)
    {
        switch (message.MsgType)
        {
            case "stream":
                metrics.AiRobotCallback("stream");
                return await RefreshAsync(message.Stream?.Id, bot, cancellationToken);
            case "text" or "mixed" or "voice":
                metrics.AiRobotCallback(message.MsgType);
                return await MessageAsync(message, bot, cancellationToken);
            case "image" or "file" or "video":
                metrics.AiRobotCallback(message.MsgType);
                return AiRobotReplyJson.Stream(AiRobotStreamId.For(message.From!.UserId!, message.MsgId!).StreamId, finish: true, AiRobotReplies.Unsupported);
            case "event":
                metrics.AiRobotCallback("event:" + EventName(message.Event?.EventType));
                return await EventAsync(message, bot, cancellationToken);
            default:
                metrics.AiRobotCallback("other");
                return "";
        }
    }

    /// <summary>
    /// What the user's stream shows now; a stream unknown here is finished with a notice, so that WeCom stops polling it.
    /// A stream whose turn died with its replica (nobody kept it) is taken over: its turn runs again here.
    /// </summary>
    private async Task<string> RefreshAsync(string? streamId, IBot bot, CancellationToken cancellationToken)
    {
        var stream = AiRobotStreamId.Read(streamId);
        AiRobotStreamState? state = null;
        try
        {
            state = stream is { } key ? await streams.RefreshAsync(key, _settings.StreamCloseAfter, cancellationToken) : null;
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            logger.StorageUnavailable("reading a 智能机器人 stream", exception);
            return AiRobotReplyJson.Stream(streamId ?? "", finish: false, AiRobotReplies.Working);
        }

        metrics.AiRobotRefresh(state is { Takeover: not null } ? "taken_over" : state?.Status.ToString().ToLowerInvariant() ?? "unknown");
        if (state is null)
        {
            logger.UnknownStream();
            return AiRobotReplyJson.Stream(streamId ?? "", finish: true, AiRobotReplies.UnknownStream);
        }

        if (state.Takeover is { } takeover && Read(takeover.Turn, AiRobotJsonContext.Default.AiRobotMessage) is { MsgId.Length: > 0, From.UserId.Length: > 0 } message)
        {
            logger.TurnTakenOver(UserIds.MaskDeliveryId(message.MsgId), takeover.Attempt);
            // A stream this refresh also closed shows 结果稍后发送 now; the turn, running on, answers through the response_url.
            var answer = await RunTurnAsync(message, stream!.Value, takeover.Attempt, time.GetUtcNow(), bot,
                state.Status == AiRobotStreamStatus.Running ? _settings.FirstReplyBudget : TimeSpan.Zero, cancellationToken);
            return state.Status == AiRobotStreamStatus.Running ? answer : Show(streamId!, state);
        }

        return Show(streamId!, state);
    }

    /// <summary>A new message runs a turn; a retried one (its stream exists) gets its stream as it stands, never a second turn.</summary>
    private async Task<string> MessageAsync(AiRobotMessage message, IBot bot, CancellationToken cancellationToken)
    {
        var received = time.GetUtcNow();
        var stream = AiRobotStreamId.For(message.From!.UserId!, message.MsgId!);
        AiRobotStreamClaim claim;
        try
        {
            claim = await streams.ClaimAsync(stream, AiRobotReplies.Busy, JsonSerializer.Serialize(message, AiRobotJsonContext.Default.AiRobotMessage),
                cancellationToken);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            // As for the other channels: while Redis is down every copy runs (a retry may be answered twice, never not at all).
            logger.StorageUnavailable("claiming a 智能机器人 message", exception);
            claim = new AiRobotStreamClaim(AiRobotClaimOutcome.New);
        }

        switch (claim.Outcome)
        {
            case AiRobotClaimOutcome.Duplicate:
                metrics.DuplicateServed(AiRobotTurn.ChannelId);
                return Show(stream.StreamId, claim.State!);
            case AiRobotClaimOutcome.Busy:
                return AiRobotReplyJson.Stream(stream.StreamId, finish: true, AiRobotReplies.Busy);
        }

        return await RunTurnAsync(message, stream, attempt: 0, received, bot, _settings.FirstReplyBudget, cancellationToken);
    }

    /// <summary>Runs the turn of a message that owns <paramref name="stream"/> (the one pipeline): its answer within <paramref name="deadline"/>.</summary>
    private Task<string> RunTurnAsync(AiRobotMessage message, AiRobotStreamKey stream, int attempt, DateTimeOffset received, IBot bot,
        TimeSpan deadline, CancellationToken cancellationToken)
    {
        var text = AiRobotMention.Strip(message.Content ?? "", _settings.Name);
        var delivery = new AiRobotStreamDelivery(stream, message.ResponseUrl, streams, responder, metrics, time, logger);
        return handler.HandleAsync(new AiRobotTurn(message, text, stream.StreamId, delivery, received, attempt), bot, deadline,
            cancellationToken);
    }

    private async Task<string> EventAsync(AiRobotMessage message, IBot bot, CancellationToken cancellationToken)
    {
        switch (message.Event?.EventType)
        {
            case "enter_chat":
                return AiRobotReplyJson.Text(AiRobotReplies.Welcome(_settings.Name));
            case "template_card_event" when message.Event.TemplateCardEvent is { TaskId: { Length: > 0 } taskId } click
                && AiRobotReplyJson.ActionOf(click.EventKey) is { Length: > 0 } action:
                // The click is the member typing the button's text, in the conversation the card is in.
                var delivery = new AiRobotStreamDelivery(null, message.ResponseUrl, streams, responder, metrics, time, logger);
                return await handler.HandleAsync(new AiRobotTurn(message, action, taskId, delivery, time.GetUtcNow()), bot, CardDeadline,
                    cancellationToken);
            case "feedback_event" when message.Event.FeedbackEvent is { } feedback:
                metrics.AiRobotFeedback(feedback.Type);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.FeedbackReceived(feedback.Type, UserIds.Mask(message.ConversationId));
                }

                return "";
            default:
                return "";
        }
    }

    private static string Show(string streamId, AiRobotStreamState state) => state.Status switch
    {
        AiRobotStreamStatus.Finished => AiRobotReplyJson.Stream(streamId, finish: true, state.Content, state.Images),
        AiRobotStreamStatus.Closed => AiRobotReplyJson.Stream(streamId, finish: true, AiRobotReplies.ResultLater),
        _ => AiRobotReplyJson.Stream(streamId, finish: false, state.Content.Length > 0 ? state.Content : AiRobotReplies.Working),
    };

    /// <summary>Event types as metric tags: WeCom's three, everything else <c>other</c> (tags stay few).</summary>
    private static string EventName(string? eventType) =>
        eventType is "enter_chat" or "template_card_event" or "feedback_event" ? eventType : "other";

    private static T? Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What every callback refuses before it reads anything: a robot not configured here, a stale timestamp.</summary>
    [MemberNotNullWhen(false, nameof(_crypto))]
    private bool Refuses(HttpContext http, [NotNullWhen(true)] out IResult? refusal)
    {
        refusal = CallbackRequest.Refusal(http, _crypto, "The WeCom 智能机器人 is not configured", wechat.Value.MaxTimestampSkewSeconds, time,
            logger, AiRobotTurn.ChannelId);
        return refusal is not null;
    }

    private Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Sealed(string answer, string nonce) =>
        TypedResults.Text(AiRobotReplyJson.Envelope(_crypto!.Seal(answer, nonce)), "application/json", Encoding.UTF8);

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Empty() => TypedResults.Text("", "text/plain", Encoding.UTF8);

    private IResult Reject(HttpContext http, int status, string reason) => CallbackRequest.Reject(http, logger, AiRobotTurn.ChannelId, status, reason);
}
