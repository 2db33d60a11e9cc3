using System.Globalization;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Channels;

/// <summary>
/// The encrypted side of a callback, the same for the Official Account's safe mode, the WeCom app and the WeCom
/// 智能机器人: opening the <c>Encrypt</c> value after checking <c>msg_signature</c>, and sealing the passive reply
/// (WECHAT.md §1.4–1.6, WECOM-ROBOT.md §3–4). Only the envelope around it differs: XML, or the robot's JSON.
/// </summary>
public sealed class CallbackCrypto(string token, WeChatMessageCrypto crypto, TimeProvider time)
{
    /// <summary>
    /// Verifies <paramref name="msgSignature"/> over <paramref name="encrypt"/> and decrypts it. Returns the plaintext,
    /// or the status (401 for a bad signature, 400 for anything that does not decrypt) and a reason.
    /// </summary>
    public (string? Plaintext, int Status, string Reason) Open(string? msgSignature, string timestamp, string nonce, string? encrypt)
    {
        if (string.IsNullOrEmpty(encrypt))
        {
            return (null, StatusCodes.Status400BadRequest, "missing Encrypt");
        }

        if (!WeChatSignature.Verify(msgSignature, token, timestamp, nonce, encrypt))
        {
            return (null, StatusCodes.Status401Unauthorized, "bad msg_signature");
        }

        return crypto.TryDecrypt(encrypt, out var plaintext, out var error)
            ? (plaintext, StatusCodes.Status200OK, "")
            : (null, StatusCodes.Status400BadRequest, $"cannot decrypt ({(int)error} {error})");
    }

    /// <summary>Opens the <c>Encrypt</c> element of an envelope and reads the message's fields.</summary>
    public (IReadOnlyDictionary<string, string>? Fields, int Status, string Reason) OpenFields(string? msgSignature, string timestamp,
        string nonce, IReadOnlyDictionary<string, string> envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var (plaintext, status, reason) = Open(msgSignature, timestamp, nonce, envelope.GetValueOrDefault("Encrypt"));
        if (plaintext is null)
        {
            return (null, status, reason);
        }

        return WeChatXml.TryReadFields(plaintext, out var fields)
            ? (fields, StatusCodes.Status200OK, "")
            : (null, StatusCodes.Status400BadRequest, "malformed decrypted XML");
    }

    /// <summary>Encrypts a passive reply and signs it with a fresh timestamp and the request's nonce: the parts of its envelope.</summary>
    public SealedReply Seal(string reply, string nonce)
    {
        var encrypt = crypto.Encrypt(reply);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new SealedReply(encrypt, WeChatSignature.Compute(token, timestamp, nonce, encrypt), timestamp, nonce);
    }
}

/// <summary>An encrypted passive reply: the ciphertext, its signature over token, timestamp and nonce, and those two.</summary>
public readonly record struct SealedReply(string Encrypt, string Signature, string Timestamp, string Nonce)
{
    /// <summary>The XML envelope of the Official Account and the WeCom app (<c>Encrypt</c>, <c>MsgSignature</c>, <c>TimeStamp</c>, <c>Nonce</c>).</summary>
    public string ToXml() => WeChatReplyXml.EncryptedEnvelope(Encrypt, Signature, Timestamp, Nonce);
}
