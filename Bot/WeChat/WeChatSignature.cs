using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// WeChat's request signatures: the lower-case hex SHA-1 of the ordinal-sorted concatenation of the token, the
/// timestamp, the nonce and, for encrypted bodies, the <c>Encrypt</c> value (WECHAT.md §1.4).
/// </summary>
/// <remarks>
/// Strings are hashed as UTF-8. Sorting is ordinal (code-unit order, so upper case sorts before lower case), as in
/// Tencent's samples; a culture-aware sort would break signatures for tokens or ciphertexts that mix case.
/// </remarks>
public static class WeChatSignature
{
    private const int HexLength = SHA1.HashSizeInBytes * 2;
    private const int StackLimit = 256;

    /// <summary>Computes the plain signature (<c>signature</c> query parameter) over token, timestamp and nonce.</summary>
    /// <returns>40 lower-case hex characters.</returns>
    /// <exception cref="ArgumentNullException">Any argument is null.</exception>
    public static string Compute(string token, string timestamp, string nonce) =>
        Compute(token, timestamp, nonce, string.Empty);

    /// <summary>
    /// Computes the message signature (<c>msg_signature</c>, or <c>MsgSignature</c> in a reply envelope) over token,
    /// timestamp, nonce and the base64 <c>Encrypt</c> value (or the encrypted <c>echostr</c> of a WeCom URL check).
    /// </summary>
    /// <returns>40 lower-case hex characters. An empty <paramref name="encrypt"/> gives the plain signature.</returns>
    /// <exception cref="ArgumentNullException">Any argument is null.</exception>
    public static string Compute(string token, string timestamp, string nonce, string encrypt)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        Hash(token, timestamp, nonce, encrypt, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Checks a plain signature (OA URL check and every OA push) in constant time.</summary>
    /// <param name="signature">The received hex signature; either letter case is accepted.</param>
    /// <param name="token">The configured Token.</param>
    /// <param name="timestamp">The <c>timestamp</c> query parameter, as received.</param>
    /// <param name="nonce">The <c>nonce</c> query parameter, as received.</param>
    /// <returns>
    /// <see langword="true"/> only if <paramref name="signature"/> is 40 hex characters equal to the expected
    /// signature; <see langword="false"/> for null, empty, a wrong length or non-hex characters.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/>, <paramref name="timestamp"/> or <paramref name="nonce"/> is null.</exception>
    public static bool Verify(string? signature, string token, string timestamp, string nonce) =>
        Verify(signature, token, timestamp, nonce, string.Empty);

    /// <summary>Checks a message signature (<c>msg_signature</c>) in constant time.</summary>
    /// <param name="signature">The received hex signature; either letter case is accepted.</param>
    /// <param name="token">The configured Token.</param>
    /// <param name="timestamp">The <c>timestamp</c> query parameter, as received.</param>
    /// <param name="nonce">The <c>nonce</c> query parameter, as received.</param>
    /// <param name="encrypt">The body's <c>Encrypt</c> value or the WeCom <c>echostr</c>, URL-decoded but otherwise as received.</param>
    /// <returns>
    /// <see langword="true"/> only if <paramref name="signature"/> is 40 hex characters equal to the expected
    /// signature; <see langword="false"/> for null, empty, a wrong length or non-hex characters.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/>, <paramref name="timestamp"/>, <paramref name="nonce"/> or <paramref name="encrypt"/> is null.</exception>
    public static bool Verify(string? signature, string token, string timestamp, string nonce, string encrypt)
    {
        Span<byte> expected = stackalloc byte[SHA1.HashSizeInBytes];
        Hash(token, timestamp, nonce, encrypt, expected);
        if (signature is null || signature.Length != HexLength)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[SHA1.HashSizeInBytes];
        return Convert.FromHexString(signature, actual, out _, out var written) == OperationStatus.Done
            && written == actual.Length
            && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    // An empty fourth part adds nothing to the concatenation, so the plain signature is this with encrypt = "".
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "WeChat's protocol prescribes SHA-1 for request signatures; we cannot choose another hash.")]
    private static void Hash(string token, string timestamp, string nonce, string encrypt, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(encrypt);

        Span<string> parts = [token, timestamp, nonce, encrypt];
        parts.Sort(string.CompareOrdinal);
        var length = 0;
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetByteCount(part);
        }

        byte[]? rented = null;
        var utf8 = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = 0;
            foreach (var part in parts)
            {
                written += Encoding.UTF8.GetBytes(part, utf8[written..]);
            }

            SHA1.HashData(utf8[..written], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
