using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.WeChatVectors;

namespace ChatPost.Bot.Tests.WeChat;

public sealed class WeChatSignatureTests
{
    public static TheoryData<string, string, string, string> PlainVectors => new()
    {
        { V3.Token, V3.Timestamp, V3.Nonce, V3.PlainSignature },
        { V6.Token, V6.Timestamp, V6.Nonce, V6.PlainSignature },
        { V7.PlainToken, V7.PlainTimestamp, V7.PlainNonce, V7.PlainSignature },
        // Ordinal order is "B1" < "a" < "abc"; a culture-aware sort would give "a", "abc", "B1".
        { "abc", "B1", "a", "50a75e9a7caf6faa43fe9024fc5690e6e9a67551" },
        { "令牌", "1", "2", "6fc865c0bd68e9eabde8afc2f3e24c94ddeab1a8" },
        { "", "", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709" },
    };

    public static TheoryData<string, string, string, string, string> MessageVectors => new()
    {
        { V6.Token, V6.Timestamp, V6.Nonce, V6.Encrypt, V6.MsgSignature },
        { V6.Token, V6.ReplyTimestamp, V6.ReplyNonce, V6.ReplyEncrypt, V6.ReplyMsgSignature },
        { V7.Token, V7.EchoTimestamp, V7.EchoNonce, V7.EchoStr, V7.EchoSignature },
        { V7.Token, V7.ReplyTimestamp, V7.ReplyNonce, V7.ReplyEncrypt, V7.ReplyMsgSignature },
        { V7.Token, V7.ReplyTimestamp, V7.ReplyNonce, V7.InboundEncrypt, V7.InboundSignature },
    };

    [Theory]
    [MemberData(nameof(PlainVectors))]
    public void Compute_PlainVector_ReturnsLowerHex(string token, string timestamp, string nonce, string expected)
    {
        var signature = WeChatSignature.Compute(token, timestamp, nonce);

        Assert.Equal(expected, signature);
    }

    [Theory]
    [MemberData(nameof(MessageVectors))]
    public void Compute_MessageVector_ReturnsLowerHex(string token, string timestamp, string nonce, string encrypt, string expected)
    {
        var signature = WeChatSignature.Compute(token, timestamp, nonce, encrypt);

        Assert.Equal(expected, signature);
    }

    [Fact]
    public void Compute_EmptyEncrypt_EqualsPlainSignature()
    {
        var signature = WeChatSignature.Compute(V6.Token, V6.Timestamp, V6.Nonce, "");

        Assert.Equal(V6.PlainSignature, signature);
    }

    [Fact]
    public void Compute_EncryptLongerThanStackBuffer_HashesWholeInput()
    {
        var encrypt = new string('x', 10_000);

        var signature = WeChatSignature.Compute("t", "1", "n", encrypt);

        Assert.Equal("3e90324a652f9935d815f4c829e926ff494f1907", signature); // sha1("1nt" + 10,000 × "x")
    }

    [Theory]
    [MemberData(nameof(PlainVectors))]
    public void Verify_PlainVector_ReturnsTrueInEitherCase(string token, string timestamp, string nonce, string expected)
    {
        var lower = WeChatSignature.Verify(expected, token, timestamp, nonce);
        var upper = WeChatSignature.Verify(expected.ToUpperInvariant(), token, timestamp, nonce);

        Assert.True(lower);
        Assert.True(upper);
    }

    [Theory]
    [MemberData(nameof(MessageVectors))]
    public void Verify_MessageVector_ReturnsTrueInEitherCase(string token, string timestamp, string nonce, string encrypt, string expected)
    {
        var lower = WeChatSignature.Verify(expected, token, timestamp, nonce, encrypt);
        var upper = WeChatSignature.Verify(expected.ToUpperInvariant(), token, timestamp, nonce, encrypt);

        Assert.True(lower);
        Assert.True(upper);
    }

    [Theory]
    [InlineData(V7.PlainWrongSignature)]
    [InlineData(V6.PlainSignature)]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("f21891de399b4e33a1a93c9a7b8a8fffb5a443f")]
    [InlineData("f21891de399b4e33a1a93c9a7b8a8fffb5a443fff")]
    [InlineData("f21891de399b4e33a1a93c9a7b8a8fffb5a443fg")]
    [InlineData(" f21891de399b4e33a1a93c9a7b8a8fffb5a443f")]
    [InlineData("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff\n")]
    public void Verify_WrongPlainSignature_ReturnsFalse(string? signature)
    {
        var valid = WeChatSignature.Verify(signature, V7.PlainToken, V7.PlainTimestamp, V7.PlainNonce);

        Assert.False(valid);
    }

    [Theory]
    [InlineData(V7.EchoSignature, V7.Token, V7.EchoTimestamp, V7.EchoWrongNonce, V7.EchoStr)]
    [InlineData("dd6b9c95b495b3f7e2901bfbc76c664930ffdb97", V7.Token, V7.EchoTimestamp, V7.EchoNonce, V7.EchoStr)]
    [InlineData(V7.EchoSignature, V7.Token, "1411443781", V7.EchoNonce, V7.EchoStr)]
    [InlineData(V7.EchoSignature, V7.Token, V7.EchoTimestamp, V7.EchoNonce, V7.EchoStr + "A")]
    [InlineData(V7.EchoSignature, "1234567", V7.EchoTimestamp, V7.EchoNonce, V7.EchoStr)]
    [InlineData(V7.InboundSignature, V7.Token, V7.ReplyTimestamp, V7.ReplyNonce, V7.ReplyEncrypt)]
    [InlineData(V6.PlainSignature, V6.Token, V6.Timestamp, V6.Nonce, V6.Encrypt)]
    [InlineData("6c12a4205838198b8fa631b3220723bb07f1015d", V6.Token, V6.Timestamp, V6.Nonce, V6.Encrypt)]
    public void Verify_WrongMessageSignature_ReturnsFalse(string signature, string token, string timestamp, string nonce, string encrypt)
    {
        var valid = WeChatSignature.Verify(signature, token, timestamp, nonce, encrypt);

        Assert.False(valid);
    }

    [Fact]
    public void Verify_NullToken_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => WeChatSignature.Verify(V7.PlainSignature, null!, "1", "2"));
    }
}
