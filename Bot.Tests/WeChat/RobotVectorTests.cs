using System.Text;
using ChatPost.Bot.Channels;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Time.Testing;
using static ChatPost.Bot.Tests.WeChat.RobotVectors;

namespace ChatPost.Bot.Tests.WeChat;

/// <summary>The one WXBizMsgCrypt, given the 智能机器人's receive id <c>""</c>, against R1–R3 of WECOM-ROBOT.md §7.</summary>
public sealed class RobotVectorTests
{
    private readonly WeChatMessageCrypto _sut = new(EncodingAesKey, "");

    [Theory]
    [InlineData(R1Plain, R1EchoStr)]
    [InlineData(R3Plain, R3Encrypt)]
    public void Encrypt_FixedRandomAndEmptyReceiveId_ReproducesVector(string message, string expected)
    {
        var encrypt = _sut.Encrypt(message, Encoding.ASCII.GetBytes(RobotVectors.Random));

        Assert.Equal(expected, encrypt);
    }

    [Theory]
    [InlineData(R1EchoStr, R1Signature, R1Plain)]
    [InlineData(R3Encrypt, R3Signature, R3Plain)]
    public void Open_SignedVector_ReturnsPlaintext(string encrypt, string signature, string expected)
    {
        var callback = new CallbackCrypto(Token, _sut, new FakeTimeProvider());

        var (plaintext, status, _) = callback.Open(signature, Timestamp, Nonce, encrypt);

        Assert.Equal(200, status);
        Assert.Equal(expected, plaintext);
    }

    [Fact]
    public void TryDecrypt_R2WithACorpIdTail_IsRefusedAsAnotherReceiveId()
    {
        var decrypted = _sut.TryDecrypt(R2EchoStr, out var message, out var error);

        Assert.False(decrypted);
        Assert.Null(message);
        Assert.Equal(WeChatCryptoError.ValidateReceiveId, error);
        Assert.True(new WeChatMessageCrypto(EncodingAesKey, R2Tail).TryDecrypt(R2EchoStr, out _, out _), "R2 is a valid WeCom app ciphertext");
    }

    [Fact]
    public void TryDecrypt_WeComAppCiphertext_IsRefusedByTheRobotsReceiveId()
    {
        var appCiphertext = new WeChatMessageCrypto(EncodingAesKey, R2Tail).Encrypt(R3Plain);

        Assert.False(_sut.TryDecrypt(appCiphertext, out _, out var error));
        Assert.Equal(WeChatCryptoError.ValidateReceiveId, error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(25)]
    [InlineData(32)]
    public void EncryptThenDecrypt_EveryPadSizeWithEmptyReceiveId_RoundTrips(int pad)
    {
        var message = WeChatMessageCryptoTests.ChineseMessageWithPad(pad, "");

        Assert.True(_sut.TryDecrypt(_sut.Encrypt(message), out var decrypted, out var error), error.ToString());
        Assert.Equal(message, decrypted);
    }
}
