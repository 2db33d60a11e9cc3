using System.Buffers;
using System.Globalization;
using System.Text;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Channels;

/// <summary>The checks every WeChat and WeCom callback goes through before its content is trusted.</summary>
internal static class CallbackRequest
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// True when <paramref name="timestamp"/> is Unix seconds within <paramref name="maxSkewSeconds"/> of now
    /// (always, when the check is off with 0). Guards against replays of captured callbacks.
    /// </summary>
    public static bool IsFresh(string timestamp, int maxSkewSeconds, TimeProvider time)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        return maxSkewSeconds == 0 || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) <= maxSkewSeconds;
    }

    /// <summary>
    /// Reads the body as strict UTF-8, refusing more than <see cref="WeChatXml.MaxBodyBytes"/>. Returns the text,
    /// or the status code (413, 400) and reason to answer with.
    /// </summary>
    public static async Task<(string? Body, int Status, string? Reason)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > WeChatXml.MaxBodyBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        // Kestrel ends a body at its Content-Length, which WeChat always sends: a buffer of that size holds all of it.
        // The limit's 64 KiB + 1 would come from ArrayPool's 128 KiB bucket, large arrays that every thread keeps one of.
        var capacity = (int)(request.ContentLength ?? WeChatXml.MaxBodyBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            var length = 0;
            int read;
            while (length < capacity && (read = await request.Body.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > WeChatXml.MaxBodyBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge, "body too large");
            }

            try
            {
                return (StrictUtf8.GetString(buffer, 0, length), StatusCodes.Status200OK, null);
            }
            catch (DecoderFallbackException)
            {
                return (null, StatusCodes.Status400BadRequest, "body is not UTF-8");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The message of a push: the body read (<see cref="ReadBodyAsync"/>), its XML parsed, opened with
    /// <paramref name="crypto"/> when the push is encrypted (<c>msg_signature</c> checked over its <c>Encrypt</c>), and
    /// made an <see cref="InboundMessage"/>. Otherwise the status code and reason to answer with.
    /// </summary>
    /// <param name="crypto">The channel's crypto for an encrypted push; null for a plaintext one.</param>
    public static async Task<(InboundMessage? Message, int Status, string? Reason)> ReadMessageAsync(HttpRequest request, CallbackCrypto? crypto,
        string? msgSignature, string timestamp, string nonce, CancellationToken cancellationToken)
    {
        var (body, status, reason) = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, status, reason);
        }

        if (!WeChatXml.TryReadFields(body, out var fields))
        {
            return (null, StatusCodes.Status400BadRequest, "malformed XML");
        }

        if (crypto is not null)
        {
            var (opened, openStatus, openReason) = crypto.OpenFields(msgSignature, timestamp, nonce, fields);
            if (opened is null)
            {
                return (null, openStatus, openReason);
            }

            fields = opened;
        }

        return InboundMessage.TryCreate(fields, out var message)
            ? (message, StatusCodes.Status200OK, null)
            : (null, StatusCodes.Status400BadRequest, "not a message");
    }

    /// <summary>
    /// What an always-encrypted callback (the WeCom app, the 智能机器人) refuses before it reads anything: a channel not
    /// configured here (404, <paramref name="notConfigured"/> saying which), a stale or missing timestamp (401). Null when it may go on.
    /// </summary>
    public static IResult? Refusal(HttpContext http, CallbackCrypto? crypto, string notConfigured, int maxSkewSeconds, TimeProvider time,
        ILogger logger, string channel)
    {
        ArgumentNullException.ThrowIfNull(http);
        return crypto is null ? TypedResults.Problem(detail: notConfigured, statusCode: StatusCodes.Status404NotFound)
            : IsFresh(http.Request.Query["timestamp"].ToString(), maxSkewSeconds, time) ? null
            : Reject(http, logger, channel, StatusCodes.Status401Unauthorized, "stale or missing timestamp");
    }

    /// <summary>
    /// The URL check of an always-encrypted callback: <c>msg_signature</c> over <c>echostr</c>, which is decrypted; the answer
    /// is its plaintext only — no quotes, BOM or line break (WECHAT.md §4.2, WECOM-ROBOT.md §2).
    /// </summary>
    public static IResult VerifyEchostr(HttpContext http, CallbackCrypto crypto, ILogger logger, string channel)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(crypto);
        var query = http.Request.Query;
        var (plaintext, status, reason) = crypto.Open(query["msg_signature"], query["timestamp"].ToString(), query["nonce"].ToString(), query["echostr"]);
        return plaintext is null ? Reject(http, logger, channel, status, reason) : TypedResults.Text(plaintext, "text/plain", Encoding.UTF8);
    }

    /// <summary>A 4xx answer with a short reason, logged as a rejected callback.</summary>
    public static IResult Reject(HttpContext http, ILogger logger, string channel, int status, string reason)
    {
        logger.CallbackRejected(channel, reason, http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Problem(detail: reason, statusCode: status);
    }

    /// <summary>The answer to a push: XML, or the bare no-reply body.</summary>
    public static IResult Answer(string body) => body.StartsWith('<')
        ? TypedResults.Text(body, "text/xml", Encoding.UTF8)
        : TypedResults.Text(body, "text/plain", Encoding.UTF8);
}
