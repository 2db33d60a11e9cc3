using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.WeChatVectors;

namespace ChatPost.Bot.Tests.WeChat;

// Configuration mistakes throw; hostile or malformed ciphertexts come back as official error codes, never exceptions.
public sealed partial class WeChatMessageCryptoTests
{
    public static TheoryData<string> IllegalKeys => new()
    {
        "abcde",
        "",
        new string('A', 42),
        new string('A', 44),
        new string('A', 42) + "=",
        new string('A', 43) + "=",
        new string('A', 42) + "+",
        new string('A', 42) + "/",
        new string('A', 42) + "-",
        new string('A', 42) + "_",
        new string('A', 42) + " ",
        " " + new string('A', 42),
        new string('A', 42) + "é",
        new string('A', 42) + "Ａ",
        new string('A', 42) + "٣",
    };

    [Theory]
    [MemberData(nameof(IllegalKeys))]
    public void Ctor_IllegalEncodingAesKey_ThrowsIllegalAesKey(string key)
    {
        var exception = Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(key, V6.ReceiveId));

        Assert.Equal(WeChatCryptoError.IllegalAesKey, exception.Error);
        Assert.False(WeChatMessageCrypto.IsValidEncodingAesKey(key));
    }

    [Theory]
    [InlineData(V3.EncodingAesKey, true)]
    [InlineData(V6.EncodingAesKey, true)]
    [InlineData(V7.EncodingAesKey, true)]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz9", true)]
    [InlineData(null, false)]
    [InlineData("abcde", false)]
    public void IsValidEncodingAesKey_Key_ReturnsExpected(string? key, bool expected)
    {
        var valid = WeChatMessageCrypto.IsValidEncodingAesKey(key);

        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("  ")]
    public void Ctor_WhiteSpaceReceiveId_Throws(string receiveId)
    {
        Assert.Throws<ArgumentException>(() => new WeChatMessageCrypto(V6.EncodingAesKey, receiveId));
    }

    [Theory]
    [InlineData("wx134c8103faa5a59f")]
    [InlineData("WX134C8103FAA5A59E")]
    [InlineData("wx134c8103faa5a59")]
    [InlineData("wx134c8103faa5a59e0")]
    [InlineData("wx134c8103faa5a59e ")]
    [InlineData(V7.CorpId)]
    public void TryDecrypt_OtherReceiveId_ReturnsValidateReceiveId(string configuredId)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, configuredId);

        var ok = sut.TryDecrypt(V6.Encrypt, out var message, out var error);

        Assert.False(ok);
        Assert.Null(message);
        Assert.Equal(WeChatCryptoError.ValidateReceiveId, error);
    }

    [Theory]
    [InlineData("not base64!", WeChatCryptoError.DecodeBase64)]
    [InlineData("YWJ", WeChatCryptoError.DecodeBase64)]
    [InlineData("YW=j", WeChatCryptoError.DecodeBase64)]
    [InlineData("YWJj=", WeChatCryptoError.DecodeBase64)]
    [InlineData("中文中文", WeChatCryptoError.DecodeBase64)]
    [InlineData("@@@@", WeChatCryptoError.DecodeBase64)]
    [InlineData("", WeChatCryptoError.DecryptAes)]
    [InlineData("YWJj", WeChatCryptoError.DecryptAes)]
    [InlineData("AAAAAAAAAAAAAAAAAAAA", WeChatCryptoError.DecryptAes)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA=", WeChatCryptoError.DecryptAes)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", WeChatCryptoError.DecryptAes)]
    public void TryDecrypt_MalformedCiphertext_ReturnsError(string encrypt, WeChatCryptoError expected)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);

        var ok = sut.TryDecrypt(encrypt, out var message, out var error);

        Assert.False(ok);
        Assert.Null(message);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(255)]
    public void TryDecrypt_IllegalPadByte_ReturnsIllegalBuffer(byte pad)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);
        var buffer = BuildBuffer("中文"u8, V6.ReceiveId);
        buffer[^1] = pad;

        var ok = sut.TryDecrypt(EncryptRaw(buffer), out _, out var error);

        Assert.False(ok);
        Assert.Equal(WeChatCryptoError.IllegalBuffer, error);
    }

    [Theory]
    [InlineData(25u)]
    [InlineData(1_000u)]
    [InlineData(int.MaxValue)]
    [InlineData(0x8000_0000u)]
    [InlineData(uint.MaxValue)]
    public void TryDecrypt_MessageLengthPastEnd_ReturnsIllegalBuffer(uint declaredLength)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);
        var buffer = BuildBuffer("中文"u8, V6.ReceiveId, declaredLength);

        var ok = sut.TryDecrypt(EncryptRaw(buffer), out _, out var error);

        Assert.False(ok);
        Assert.Equal(WeChatCryptoError.IllegalBuffer, error);
    }

    [Theory]
    [InlineData(32, 13)]
    [InlineData(32, 20)]
    [InlineData(32, 32)]
    [InlineData(16, 1)]
    public void TryDecrypt_FewerThan20BytesAfterUnpad_ReturnsIllegalBuffer(int length, byte pad)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);
        var buffer = new byte[length];
        buffer[^1] = pad;

        var ok = sut.TryDecrypt(EncryptRaw(buffer), out _, out var error);

        Assert.False(ok);
        Assert.Equal(WeChatCryptoError.IllegalBuffer, error);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE4, 0xB8 })]
    public void TryDecrypt_MessageNotUtf8_ReturnsIllegalBuffer(byte[] messageBytes)
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);

        var ok = sut.TryDecrypt(EncryptRaw(BuildBuffer(messageBytes, V6.ReceiveId)), out _, out var error);

        Assert.False(ok);
        Assert.Equal(WeChatCryptoError.IllegalBuffer, error);
    }

    [Fact]
    public void TryDecrypt_RandomCiphertexts_NeverThrowsNorSucceeds()
    {
        var sut = new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId);
        var random = new Random(20240517);
        var successes = 0;

        for (var i = 0; i < 5_000; i++)
        {
            var bytes = new byte[random.Next(0, 6) * 16 + (i % 7 == 0 ? random.Next(1, 16) : 0)];
            random.NextBytes(bytes);
            if (sut.TryDecrypt(Convert.ToBase64String(bytes), out _, out _))
            {
                successes++;
            }
        }

        Assert.Equal(0, successes);
    }
}
