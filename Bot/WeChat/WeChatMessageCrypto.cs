using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.ObjectPool;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// WeChat's message-body encryption (WXBizMsgCrypt), shared by Official Accounts, the Open Platform and WeCom:
/// AES-256-CBC with IV = key[0..16), PKCS#7 padding to 32 bytes, over
/// <c>random(16) + uint32_be(msg byte length) + UTF-8 msg + receiveId</c>, base64 on the wire (WECHAT.md §1.5).
/// </summary>
/// <remarks>
/// Safe to share between threads: a call borrows a cipher from a pool and gives it back, so no two calls use one at once
/// (instance one-shots such as <see cref="SymmetricAlgorithm.EncryptCbc(ReadOnlySpan{byte}, ReadOnlySpan{byte}, PaddingMode)"/>
/// are not guaranteed thread-safe, dotnet/runtime#53320). The pool keeps each cipher's native context: building one per
/// call (an <see cref="Aes"/>, its key, a context) cost more than the encryption itself (BENCHMARKS.md, "Fewer calls
/// into Redis's scripts and into OpenSSL"). Past the pool's size, extra concurrent callers get a cipher built for them.
/// </remarks>
public sealed class WeChatMessageCrypto
{
    private const int EncodedKeyLength = 43;
    private const int KeyLength = 32;
    private const int RandomLength = 16;
    private const int HeaderLength = RandomLength + sizeof(uint);
    private const int AesBlock = 16;

    // WeChat pads to 32 bytes, not to the AES block: pad values run 1..32, which PaddingMode.PKCS7 rejects above 16.
    private const int PadBlock = 32;

    private readonly byte[] _key;
    private readonly byte[] _receiveId;
    private readonly ObjectPool<CbcCipher> _ciphers;

    /// <summary>Creates the crypto for one account.</summary>
    /// <param name="encodingAesKey">The EncodingAESKey: exactly 43 ASCII letters or digits.</param>
    /// <param name="receiveId">The AppID (Official Account), component AppID (Open Platform), CorpID (WeCom app) or
    /// the empty string (WeCom 智能机器人, WECOM-ROBOT.md §2); compared ordinally, byte for byte, with the id at the end
    /// of every decrypted buffer, so that an empty one refuses any buffer that names an id.</param>
    /// <exception cref="WeChatCryptoException">The key is illegal (<see cref="WeChatCryptoError.IllegalAesKey"/>).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="encodingAesKey"/> or <paramref name="receiveId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="receiveId"/> is white space only.</exception>
    public WeChatMessageCrypto(string encodingAesKey, string receiveId)
    {
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        ArgumentNullException.ThrowIfNull(receiveId);
        if (receiveId.Length > 0 && string.IsNullOrWhiteSpace(receiveId))
        {
            throw new ArgumentException("A receive id is an AppID, a CorpID or empty, never white space.", nameof(receiveId));
        }

        _key = new byte[KeyLength];
        if (!TryDecodeKey(encodingAesKey, _key))
        {
            throw new WeChatCryptoException(
                WeChatCryptoError.IllegalAesKey, "The EncodingAESKey must be exactly 43 ASCII letters or digits.");
        }

        ReceiveId = receiveId;
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
        _ciphers = new DefaultObjectPoolProvider().Create(new CbcCipher.Policy(_key));
    }

    /// <summary>The AppID or CorpID (empty for the 智能机器人) that encrypted buffers carry and decrypted buffers must carry.</summary>
    public string ReceiveId { get; }

    /// <summary>Tells whether a configured EncodingAESKey is usable, for options validation.</summary>
    /// <returns><see langword="true"/> only for exactly 43 ASCII letters or digits; <see langword="false"/> for null.</returns>
    public static bool IsValidEncodingAesKey(string? key) => TryDecodeKey(key, stackalloc byte[KeyLength]);

    /// <summary>Encrypts a message with 16 fresh random bytes from <see cref="RandomNumberGenerator"/>.</summary>
    /// <returns>The base64 <c>Encrypt</c> value; an empty message is allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public string Encrypt(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Span<byte> random = stackalloc byte[RandomLength];
        var cbc = _ciphers.Get();
        cbc.TakeRandom(random);
        var encrypted = EncryptWith(cbc, message, random);
        _ciphers.Return(cbc);
        return encrypted;
    }

    /// <summary>Encrypts a message with the given 16 leading bytes; deterministic, for test vectors.</summary>
    /// <returns>The base64 <c>Encrypt</c> value; an empty message is allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="random16"/> is not exactly 16 bytes.</exception>
    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (random16.Length != RandomLength)
        {
            throw new ArgumentException("Exactly 16 random bytes are required.", nameof(random16));
        }

        var cbc = _ciphers.Get();
        var encrypted = EncryptWith(cbc, message, random16);
        _ciphers.Return(cbc);
        return encrypted;
    }

    private string EncryptWith(CbcCipher cbc, string message, ReadOnlySpan<byte> random16)
    {
        var messageLength = Encoding.UTF8.GetByteCount(message);
        var unpadded = HeaderLength + messageLength + _receiveId.Length;
        var pad = PadBlock - unpadded % PadBlock;
        var length = unpadded + pad;
        var plain = ArrayPool<byte>.Shared.Rent(length);
        var cipher = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            random16.CopyTo(plain);
            BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength), (uint)messageLength);
            Encoding.UTF8.GetBytes(message, plain.AsSpan(HeaderLength));
            _receiveId.CopyTo(plain.AsSpan(HeaderLength + messageLength));
            plain.AsSpan(unpadded, pad).Fill((byte)pad);
            var written = Run(cbc.Encryptor, plain, length, cipher);
            return Convert.ToBase64String(cipher.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
            ArrayPool<byte>.Shared.Return(cipher);
        }
    }

    /// <summary>Decrypts an <c>Encrypt</c> value (or WeCom <c>echostr</c>); never throws for malformed input.</summary>
    /// <param name="encrypt">The base64 ciphertext, URL-decoded. Verify its signature first.</param>
    /// <param name="message">The exact decrypted text (nothing trimmed or normalised), or null on failure.</param>
    /// <param name="error">
    /// <see cref="WeChatCryptoError.None"/> on success; <see cref="WeChatCryptoError.DecodeBase64"/> for invalid base64;
    /// <see cref="WeChatCryptoError.DecryptAes"/> for an empty ciphertext or one that is not whole 16-byte blocks;
    /// <see cref="WeChatCryptoError.IllegalBuffer"/> for a final pad byte of 0 or above 32 (the other pad bytes are not
    /// checked, as in Tencent's samples), fewer than 20 bytes left after unpadding, a length prefix past the end, or a
    /// message that is not UTF-8;
    /// <see cref="WeChatCryptoError.ValidateReceiveId"/> when the trailing id is not <see cref="ReceiveId"/>.
    /// </param>
    /// <returns><see langword="true"/> when <paramref name="message"/> was recovered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encrypt"/> is null.</exception>
    public bool TryDecrypt(string encrypt, [NotNullWhen(true)] out string? message, out WeChatCryptoError error)
    {
        ArgumentNullException.ThrowIfNull(encrypt);
        message = null;
        var capacity = encrypt.Length / 4 * 3;
        var cipher = ArrayPool<byte>.Shared.Rent(capacity);
        var plain = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            if (!Convert.TryFromBase64String(encrypt, cipher, out var cipherLength))
            {
                error = WeChatCryptoError.DecodeBase64;
                return false;
            }

            if (cipherLength == 0 || cipherLength % AesBlock != 0)
            {
                error = WeChatCryptoError.DecryptAes;
                return false;
            }

            var cbc = _ciphers.Get();
            var plainLength = Run(cbc.Decryptor, cipher, cipherLength, plain);
            _ciphers.Return(cbc);
            error = Unpack(plain.AsSpan(0, plainLength), out message);
            return message is not null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cipher);
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
        }
    }

    private WeChatCryptoError Unpack(ReadOnlySpan<byte> plain, out string? message)
    {
        message = null;
        var pad = plain[^1];
        if (pad is 0 or > PadBlock || pad > plain.Length - HeaderLength)
        {
            return WeChatCryptoError.IllegalBuffer;
        }

        var content = plain[..^pad];
        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(content[RandomLength..]);
        var rest = content[HeaderLength..];
        if (messageLength > (uint)rest.Length)
        {
            return WeChatCryptoError.IllegalBuffer;
        }

        var utf8 = rest[..(int)messageLength];
        if (!Utf8.IsValid(utf8))
        {
            return WeChatCryptoError.IllegalBuffer;
        }

        if (!rest[(int)messageLength..].SequenceEqual(_receiveId))
        {
            return WeChatCryptoError.ValidateReceiveId;
        }

        message = Encoding.UTF8.GetString(utf8);
        return WeChatCryptoError.None;
    }

    /// <summary>
    /// Runs whole blocks through a pooled cipher's encryptor or decryptor, which then starts over from the IV. A cipher is
    /// given back only after this returned: one that threw is dropped.
    /// </summary>
    private static int Run(ICryptoTransform transform, byte[] input, int length, byte[] output)
    {
        var written = transform.TransformBlock(input, 0, length, output, 0);
        // Without padding the final block is empty; it resets the chain to the IV for the cipher's next caller.
        transform.TransformFinalBlock([], 0, 0);
        return written;
    }

    /// <summary>
    /// AES-256-CBC with IV = key[0..16) and no padding (WeChat pads itself), as an encryptor and a decryptor kept with their
    /// native contexts, and random bytes for the messages' leading 16. A transform that threw is not given back, so a pooled
    /// one is always at the start of its chain.
    /// </summary>
    /// <remarks>
    /// The random bytes are drawn from <see cref="RandomNumberGenerator"/> 1 KB at a time: each call into it costs about as
    /// much whatever it fills (~0.85 µs for 16 bytes, ~15 ns a 16 bytes when 1 KB at once, on the bench machine).
    /// </remarks>
    private sealed class CbcCipher : IDisposable
    {
        private readonly Aes _aes = Aes.Create();
        private readonly byte[] _random = new byte[1024];
        private int _randomUsed = 1024;

        private CbcCipher(byte[] key)
        {
            _aes.Key = key;
            _aes.Mode = CipherMode.CBC;
            _aes.Padding = PaddingMode.None;
            Encryptor = _aes.CreateEncryptor(key, key[..AesBlock]);
            Decryptor = _aes.CreateDecryptor(key, key[..AesBlock]);
        }

        public ICryptoTransform Encryptor { get; }

        public ICryptoTransform Decryptor { get; }

        public void TakeRandom(Span<byte> destination)
        {
            if (_randomUsed + destination.Length > _random.Length)
            {
                RandomNumberGenerator.Fill(_random);
                _randomUsed = 0;
            }

            _random.AsSpan(_randomUsed, destination.Length).CopyTo(destination);
            _randomUsed += destination.Length;
        }

        public void Dispose()
        {
            Encryptor.Dispose();
            Decryptor.Dispose();
            _aes.Dispose();
        }

        public sealed class Policy(byte[] key) : PooledObjectPolicy<CbcCipher>
        {
            public override CbcCipher Create() => new(key);

            public override bool Return(CbcCipher obj) => true;
        }
    }

    private static bool TryDecodeKey(string? key, Span<byte> destination)
    {
        if (key is null || key.Length != EncodedKeyLength)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        // 43 base64 characters carry 258 bits: the trailing "=" makes a 44-character group, and the decoder drops
        // the last 2 bits (WeChat's keys may set them, e.g. the official test key ending in "G").
        Span<char> padded = stackalloc char[EncodedKeyLength + 1];
        key.CopyTo(padded);
        padded[^1] = '=';
        return Convert.TryFromBase64Chars(padded, destination, out var written) && written == KeyLength;
    }
}
