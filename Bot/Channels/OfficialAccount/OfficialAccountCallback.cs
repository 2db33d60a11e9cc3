using ChatPost.Bot.WeChat;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.OfficialAccount;

/// <summary>
/// Verifies, decrypts and answers one Official Account push. Plaintext mode: the <c>signature</c> covers the
/// request. Compatible and safe modes (<c>encrypt_type=aes</c>): the <c>signature</c> is checked first, then
/// <c>msg_signature</c> over the <c>Encrypt</c> element, whose decrypted content is the message (plaintext
/// fields of compatible mode are not trusted); the answer is encrypted, except the bare <c>success</c>.
/// </summary>
public sealed class OfficialAccountCallback(OfficialAccountChannel channel, WeChatCallbackHandler handler,
    IOptions<WeChatOptions> options, TimeProvider time, ILogger<OfficialAccountChannel> logger)
{
    private readonly WeChatOptions _settings = options.Value;
    private readonly CallbackCrypto? _crypto = SafeModeCrypto(options.Value.OfficialAccount, time);

    /// <summary>The account's compatible and safe modes' crypto; null without a valid <c>EncodingAESKey</c> (plaintext mode only).</summary>
    public static CallbackCrypto? SafeModeCrypto(OfficialAccountOptions account, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(account);
        return WeChatMessageCrypto.IsValidEncodingAesKey(account.EncodingAESKey)
            ? new CallbackCrypto(account.Token, new WeChatMessageCrypto(account.EncodingAESKey, account.AppId), time)
            : null;
    }

    public async Task<IResult> ReceiveAsync(HttpContext http, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var account = _settings.OfficialAccount;
        if (!account.IsConfigured)
        {
            return TypedResults.Problem(detail: "The Official Account is not configured", statusCode: StatusCodes.Status404NotFound);
        }

        var query = http.Request.Query;
        var timestamp = (string?)query["timestamp"] ?? "";
        var nonce = (string?)query["nonce"] ?? "";
        var encrypted = string.Equals(query["encrypt_type"], "aes", StringComparison.OrdinalIgnoreCase);
        if (!CallbackRequest.IsFresh(timestamp, _settings.MaxTimestampSkewSeconds, time))
        {
            return Reject(http, StatusCodes.Status401Unauthorized, "stale or missing timestamp");
        }

        if (!WeChatSignature.Verify(query["signature"], account.Token, timestamp, nonce))
        {
            return Reject(http, StatusCodes.Status401Unauthorized, "bad signature");
        }

        if (encrypted && _crypto is null)
        {
            return Reject(http, StatusCodes.Status400BadRequest, "encrypted push but no EncodingAESKey configured");
        }

        // Compatible mode also sends the fields in plaintext: only the encrypted ones are trusted.
        var (message, status, reason) = await CallbackRequest.ReadMessageAsync(http.Request, encrypted ? _crypto : null, query["msg_signature"],
            timestamp, nonce, cancellationToken);
        if (message is null)
        {
            return Reject(http, status, reason!);
        }

        if (UserIds.IsSandbox(message.FromUserName) && http.Features.Get<IHttpMetricsTagsFeature>() is { } requestMetrics)
        {
            // The start-up warm-up's own callbacks (StartupWarmup): not WeChat's traffic, so not in the request metrics either.
            requestMetrics.MetricsDisabled = true;
        }

        var answer = await handler.HandleAsync(channel, message, bot, _settings.ReplyDeadline, cancellationToken);
        return CallbackRequest.Answer(encrypted && answer != channel.NoReply ? _crypto!.Seal(answer, nonce).ToXml() : answer);
    }

    private IResult Reject(HttpContext http, int status, string reason) =>
        CallbackRequest.Reject(http, logger, OfficialAccountChannel.Id, status, reason);
}
