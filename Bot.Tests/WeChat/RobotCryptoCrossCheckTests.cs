using System.Text.Json.Nodes;
using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.RobotVectors;

namespace ChatPost.Bot.Tests.WeChat;

/// <summary>
/// The one WXBizMsgCrypt with the 智能机器人's receive id <c>""</c> against an independent implementation, WeCom's npm
/// package @wecom/crypto@1.0.1, run by node through TestData/WeChat/crosscheck-wecom.js. Fails, never skips, without it.
/// </summary>
public sealed class RobotCryptoCrossCheckTests
{
    private const string Package = "@wecom/crypto@1.0.1";
    private static readonly string Marker = Path.Combine("@wecom", "crypto", "lib", "index.js");

    [Fact]
    public async Task Encrypt_EveryPadLength_DecryptsWithWecomCryptoToAnEmptyReceiveId()
    {
        var sut = new WeChatMessageCrypto(EncodingAesKey, "");
        var messages = Enumerable.Range(1, 32).Select(pad => WeChatMessageCryptoTests.ChineseMessageWithPad(pad, "")).Append(R3Plain).ToList();

        var results = await RunAsync(messages.Select(message => WeChatCryptoCrossCheckTests.Case("decrypt", Token, EncodingAesKey, "", encrypt: sut.Encrypt(message))));

        Assert.Equal(messages.Count, results.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            Assert.Equal(messages[i], (string?)results[i]?["message"]);
            Assert.Equal("", (string?)results[i]?["id"]);
        }
    }

    [Fact]
    public async Task TryDecrypt_WecomCryptoCiphertextsWithEmptyReceiveId_ReturnsMessage()
    {
        var messages = Enumerable.Range(1, 32).Select(pad => WeChatMessageCryptoTests.ChineseMessageWithPad(pad, "")).Append(R3Plain).ToList();

        var results = await RunAsync(messages.Select(message => WeChatCryptoCrossCheckTests.Case("encrypt", Token, EncodingAesKey, "", message: message)));

        var sut = new WeChatMessageCrypto(EncodingAesKey, "");
        Assert.Equal(messages.Count, results.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            Assert.True(sut.TryDecrypt((string)results[i]!["encrypt"]!, out var message, out var error), error.ToString());
            Assert.Equal(messages[i], message);
        }
    }

    [Fact]
    public async Task Compute_VectorsAndTheirSignatures_MatchWecomCrypto()
    {
        var inputs = new (string Encrypt, string Expected)[] { (R1EchoStr, R1Signature), (R2EchoStr, R2Signature), (R3Encrypt, R3Signature) };

        var results = await RunAsync(inputs.Select(input =>
            WeChatCryptoCrossCheckTests.Case("sign", Token, EncodingAesKey, "", encrypt: input.Encrypt, timestamp: Timestamp, nonce: Nonce)));

        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(inputs[i].Expected, (string?)results[i]?["signature"]);
            Assert.Equal(inputs[i].Expected, WeChatSignature.Compute(Token, Timestamp, Nonce, inputs[i].Encrypt));
        }
    }

    [Fact]
    public async Task Decrypt_R2_WecomCryptoReadsTheCorpIdTailThatOursRefuses()
    {
        var results = await RunAsync([WeChatCryptoCrossCheckTests.Case("decrypt", Token, EncodingAesKey, "", encrypt: R2EchoStr)]);

        Assert.Equal(R2Tail, (string?)results[0]?["id"]);
        Assert.False(new WeChatMessageCrypto(EncodingAesKey, "").TryDecrypt(R2EchoStr, out _, out _));
    }

    private static Task<JsonArray> RunAsync(IEnumerable<JsonObject> cases) =>
        WeChatCryptoCrossCheckTests.RunNodeAsync("crosscheck-wecom.js", Marker, Package, cases);
}
