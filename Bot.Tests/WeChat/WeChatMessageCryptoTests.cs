using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.WeChatVectors;

namespace ChatPost.Bot.Tests.WeChat;

public sealed partial class WeChatMessageCryptoTests
{
    public static TheoryData<string, string, string, string, string> EncryptVectors => new()
    {
        { V3.EncodingAesKey, V3.AppId, V3.ReplyMsg, V3.Random, V3.AfterAesEncrypt },
        { V3.EncodingAesKey, V3.AppId, V3.ReplyMsg2, V3.Random, V3.AfterAesEncrypt2 },
        { V6.EncodingAesKey, V6.ReceiveId, V6.ReplyMsg, V6.ReplyRandom, V6.ReplyEncrypt },
        { V7.EncodingAesKey, V7.CorpId, V7.Reply, V7.ReplyRandom, V7.ReplyEncrypt },
    };

    public static TheoryData<string, string, string, string> DecryptVectors => new()
    {
        { V3.EncodingAesKey, V3.AppId, V3.AfterAesEncrypt, V3.ReplyMsg },
        { V3.EncodingAesKey, V3.AppId, V3.AfterAesEncrypt2, V3.ReplyMsg2 },
        { V6.EncodingAesKey, V6.ReceiveId, V6.Encrypt, V6.Msg },
        { V6.EncodingAesKey, V6.ReceiveId, V6.ReplyEncrypt, V6.ReplyMsg },
        { V7.EncodingAesKey, V7.CorpId, V7.EchoStr, V7.EchoPlain },
        { V7.EncodingAesKey, V7.CorpId, V7.ReplyEncrypt, V7.Reply },
        { V7.EncodingAesKey, V7.CorpId, V7.InboundEncrypt, V7.InboundPlain },
    };

    public static TheoryData<int> PadLengths => new(Enumerable.Range(1, 32));

    [Theory]
    [MemberData(nameof(EncryptVectors))]
    public void Encrypt_VectorWithFixedRandom_ReturnsDocumentedCiphertext(string key, string receiveId, string message, string random, string expected)
    {
        var sut = new WeChatMessageCrypto(key, receiveId);

        var encrypt = sut.Encrypt(message, Encoding.ASCII.GetBytes(random));

        Assert.Equal(expected, encrypt);
    }

    [Theory]
    [MemberData(nameof(DecryptVectors))]
    public void TryDecrypt_Vector_ReturnsExactMessage(string key, string receiveId, string encrypt, string expected)
    {
        var sut = new WeChatMessageCrypto(key, receiveId);

        var ok = sut.TryDecrypt(encrypt, out var message, out var error);

        Assert.True(ok);
        Assert.Equal(WeChatCryptoError.None, error);
        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData(V6.EncodingAesKey, V6.Encrypt, V6.Random, V6.MsgLength, V6.Pad, 352)]
    [InlineData(V6.EncodingAesKey, V6.ReplyEncrypt, V6.ReplyRandom, 52, 6, 96)]
    [InlineData(V7.EncodingAesKey, V7.EchoStr, null, 19, 7, 64)]
    [InlineData(V7.EncodingAesKey, V7.InboundEncrypt, V7.InboundRandom, 281, 1, 320)]
    public void Vector_RawPlaintext_HasDocumentedLayout(string key, string encrypt, string? random, int msgLength, int pad, int cipherLength)
    {
        var plain = DecryptRaw(encrypt, key);

        Assert.Equal(cipherLength, plain.Length);
        Assert.Equal(pad, plain[^1]);
        Assert.Equal(msgLength, BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(16)));
        if (random is not null)
        {
            Assert.Equal(random, Encoding.ASCII.GetString(plain, 0, 16));
        }
    }

    [Fact]
    public void Ctor_V3Key_DecodesToDocumentedAesKey()
    {
        var sut = new WeChatMessageCrypto(V3.EncodingAesKey, V3.AppId);

        var plain = DecryptRaw(sut.Encrypt(V3.ReplyMsg), Convert.FromHexString(V3.AesKeyHex));

        Assert.Equal(V3.ReplyMsg, Encoding.UTF8.GetString(plain, 20, Encoding.UTF8.GetByteCount(V3.ReplyMsg)));
    }

    [Theory]
    [MemberData(nameof(PadLengths))]
    public void Encrypt_ChineseTextForEveryPadLength_RoundTrips(int pad)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);
        var text = ChineseMessageWithPad(pad, V6.ReceiveId);

        var encrypt = sut.Encrypt(text);
        var ok = sut.TryDecrypt(encrypt, out var message, out var error);

        Assert.Equal(pad, DecryptRaw(encrypt, V6.EncodingAesKey)[^1]);
        Assert.True(ok);
        Assert.Equal(WeChatCryptoError.None, error);
        Assert.Equal(text, message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData(" 前后空白保留 \r\n")]
    [InlineData("\uFEFFbom")]
    [InlineData("emoji 😀 and 𠮷")]
    public void Encrypt_EdgeText_RoundTripsUnchanged(string text)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);

        var ok = sut.TryDecrypt(sut.Encrypt(text), out var message, out _);

        Assert.True(ok);
        Assert.Equal(text, message);
    }

    [Fact]
    public void Encrypt_ManyTimes_UsesFreshRandomBytesEachTime()
    {
        // 200 messages: past several refills of the random bytes a cipher draws 1 KB at a time.
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);

        var encrypted = Enumerable.Range(0, 200).Select(_ => sut.Encrypt("同一条消息")).ToList();
        var prefixes = encrypted.Select(e => Convert.ToHexString(DecryptRaw(e, V6.EncodingAesKey)[..16])).ToList();

        Assert.Equal(200, encrypted.Distinct().Count());
        Assert.Equal(200, prefixes.Distinct().Count());
        Assert.DoesNotContain(new string('0', 32), prefixes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    public void Encrypt_RandomNot16Bytes_Throws(int length)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);

        Assert.Throws<ArgumentException>(() => sut.Encrypt("x", new byte[length]));
    }

    [Fact]
    public void EncryptAndDecrypt_OneInstanceOverAndOver_EachCallStartsItsChainAtTheIv()
    {
        // The ciphers are pooled and reused: a call that left the CBC chain where it ended, or a rejected buffer that did,
        // would change every later ciphertext and garble every later message's first block.
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);
        var tampered = Convert.ToBase64String(Convert.FromBase64String(V6.Encrypt).Reverse().ToArray());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(V6.ReplyEncrypt, sut.Encrypt(V6.ReplyMsg, Encoding.ASCII.GetBytes(V6.ReplyRandom)));
            Assert.False(sut.TryDecrypt(tampered, out _, out _));
            Assert.True(sut.TryDecrypt(V6.Encrypt, out var message, out _));
            Assert.Equal(V6.Msg, message);
        }
    }

    [Fact]
    public void Encrypt_ConcurrentCallsOnOneInstance_AllRoundTrip()
    {
        var sut = new WeChatMessageCrypto(V7.EncodingAesKey, V7.CorpId);
        var failures = 0;

        Parallel.For(0, 2_000, i =>
        {
            var text = $"并发消息 {i} " + new string('x', i % 97);
            if (!sut.TryDecrypt(sut.Encrypt(text), out var message, out _) || message != text)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Theory]
    [MemberData(nameof(PadLengths))]
    public void DecryptCbc_BuiltInPkcs7Padding_RejectsPadsAbove16(int pad)
    {
        var encrypt = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId)
            .Encrypt(ChineseMessageWithPad(pad, V6.ReceiveId));
        using var aes = Aes.Create();
        aes.Key = AesKey(V6.EncodingAesKey);

        byte[] Decrypt() => aes.DecryptCbc(Convert.FromBase64String(encrypt), aes.Key[..16], PaddingMode.PKCS7);

        if (pad <= 16)
        {
            Assert.Equal(DecryptRaw(encrypt, V6.EncodingAesKey).Length - pad, Decrypt().Length);
        }
        else
        {
            Assert.Throws<CryptographicException>(Decrypt);
        }
    }

    /// <summary>A Chinese message whose encrypted buffer (with <paramref name="receiveId"/>) gets exactly <paramref name="pad"/> pad bytes.</summary>
    internal static string ChineseMessageWithPad(int pad, string receiveId)
    {
        for (var filler = 0; ; filler++)
        {
            var message = $"查询进度：{new string('中', pad % 5)}{new string('x', filler)}。";
            var length = 20 + Encoding.UTF8.GetByteCount(message) + Encoding.UTF8.GetByteCount(receiveId);
            if (32 - length % 32 == pad)
            {
                return message;
            }
        }
    }

    private static byte[] AesKey(string encodingAesKey) => Convert.FromBase64String(encodingAesKey + "=");

    private static byte[] BuildBuffer(ReadOnlySpan<byte> message, string receiveId, uint? declaredLength = null) =>
        WeChatCipherBuffer.Build(message, receiveId, declaredLength);

    private static string EncryptRaw(byte[] plain) => WeChatCipherBuffer.Encrypt(plain, V6.EncodingAesKey);

    private static byte[] DecryptRaw(string encrypt, string encodingAesKey) => DecryptRaw(encrypt, AesKey(encodingAesKey));

    private static byte[] DecryptRaw(string encrypt, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypt), key[..16], PaddingMode.None);
    }
}
