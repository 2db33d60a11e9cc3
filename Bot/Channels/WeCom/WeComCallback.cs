using System.Diagnostics.CodeAnalysis;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom;

/// <summary>
/// Verifies, decrypts and answers WeCom app callbacks (always encrypted; receive id = CorpId; WECHAT.md §4):
/// the URL check decrypts <c>echostr</c>, a push runs a turn of the staff bot and answers encrypted, or empty.
/// </summary>
public sealed class WeComCallback(WeComChannel channel, WeChatCallbackHandler handler, IOptions<WeComOptions> options,
    IOptions<WeChatOptions> wechat, TimeProvider time, ILogger<WeComChannel> logger)
{
    private readonly CallbackCrypto? _crypto = options.Value.IsConfigured
        ? new CallbackCrypto(options.Value.Token, new WeChatMessageCrypto(options.Value.EncodingAESKey, options.Value.CorpId), time)
        : null;

    /// <summary>GET: the plaintext of <c>echostr</c> only — no quotes, BOM or line break.</summary>
    public IResult VerifyUrl(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Refuses(http, out var refusal) ? refusal : CallbackRequest.VerifyEchostr(http, _crypto, logger, WeComChannel.Id);
    }

    /// <summary>POST: a message or event from a member.</summary>
    public async Task<IResult> ReceiveAsync(HttpContext http, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Refuses(http, out var refusal))
        {
            return refusal;
        }

        var query = http.Request.Query;
        var nonce = query["nonce"].ToString();
        var (message, status, reason) = await CallbackRequest.ReadMessageAsync(http.Request, _crypto, query["msg_signature"], query["timestamp"]!,
            nonce, cancellationToken);
        if (message is null)
        {
            return Reject(http, status, reason!);
        }

        var answer = await handler.HandleAsync(channel, message, bot, wechat.Value.ReplyDeadline, cancellationToken);
        return CallbackRequest.Answer(answer == channel.NoReply ? answer : _crypto.Seal(answer, nonce).ToXml());
    }

    /// <summary>What every callback refuses before it reads anything: an app not configured here, a stale timestamp.</summary>
    [MemberNotNullWhen(false, nameof(_crypto))]
    private bool Refuses(HttpContext http, [NotNullWhen(true)] out IResult? refusal)
    {
        refusal = CallbackRequest.Refusal(http, _crypto, "The WeCom app is not configured", wechat.Value.MaxTimestampSkewSeconds, time, logger,
            WeComChannel.Id);
        return refusal is not null;
    }

    private IResult Reject(HttpContext http, int status, string reason) => CallbackRequest.Reject(http, logger, WeComChannel.Id, status, reason);
}
