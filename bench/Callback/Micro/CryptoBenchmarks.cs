using BenchmarkDotNet.Attributes;
using ChatPost.Bot.Channels;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bench.Callback.Micro;

/// <summary>The signature checks and AES work of one safe-mode push: verify both signatures, decrypt, encrypt the answer.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CryptoBenchmarks
{
    private readonly string _signature = WeChatSignature.Compute(Samples.Token, Samples.Timestamp, Samples.Nonce);
    private readonly string _msgSignature = WeChatSignature.Compute(Samples.Token, Samples.Timestamp, Samples.Nonce, Samples.Encrypt);
    private readonly string _encrypt300 = Samples.Crypto.Encrypt(Samples.Message300);
    private readonly CallbackCrypto _callback = new(Samples.Token, Samples.Crypto, TimeProvider.System);
    private readonly IReadOnlyDictionary<string, string> _envelope = new Dictionary<string, string> { ["Encrypt"] = Samples.Encrypt };

    [Benchmark]
    public string SignatureCompute() => WeChatSignature.Compute(Samples.Token, Samples.Timestamp, Samples.Nonce);

    [Benchmark]
    public bool SignatureVerify() => WeChatSignature.Verify(_signature, Samples.Token, Samples.Timestamp, Samples.Nonce);

    [Benchmark]
    public string MsgSignatureCompute() => WeChatSignature.Compute(Samples.Token, Samples.Timestamp, Samples.Nonce, Samples.Encrypt);

    [Benchmark]
    public bool MsgSignatureVerify() => WeChatSignature.Verify(_msgSignature, Samples.Token, Samples.Timestamp, Samples.Nonce, Samples.Encrypt);

    [Benchmark(Description = "Encrypt (300 B)")]
    public string Encrypt() => Samples.Crypto.Encrypt(Samples.Message300);

    [Benchmark(Description = "TryDecrypt (300 B)")]
    public string? TryDecrypt() => Samples.Crypto.TryDecrypt(_encrypt300, out var message, out _) ? message : null;

    [Benchmark(Description = "new WeChatMessageCrypto")]
    public WeChatMessageCrypto CreateCrypto() => new(Samples.EncodingAesKey, Samples.AppId);

    [Benchmark(Description = "CallbackCrypto.OpenFields (push)")]
    public object? OpenPush() => _callback.OpenFields(_msgSignature, Samples.Timestamp, Samples.Nonce, _envelope).Fields;

    [Benchmark(Description = "CallbackCrypto.Seal (answer)")]
    public string SealAnswer() => _callback.Seal(Samples.Answer, Samples.Nonce).ToXml();
}
