using BenchmarkDotNet.Attributes;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Dialogs.Understanding;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bench.Callback.Micro;

/// <summary>Parsing a push, understanding it and writing the answer: the CPU work of a turn outside crypto and Redis.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class MessageBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private readonly CitizenRecognizer _recognizer = new();
    private IReadOnlyDictionary<string, string> _fields = null!;
    private InboundMessage _message = null!;
    private OutboundReply _reply = null!;
    private string _replyXml = null!;
    private string _replyEncrypt = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Valid samples by construction: a failure here is a bug in Samples, not a measurement.
        _ = WeChatXml.TryReadFields(Samples.MessageXml, out var fields);
        _fields = fields!;
        _ = InboundMessage.TryCreate(_fields, out var message);
        _message = message!;
        _reply = OutboundReply.From(Microsoft.Bot.Builder.MessageFactory.Text(Samples.Answer))!;
        _replyXml = WeChatReplyXml.Text(_message.FromUserName, _message.ToUserName, 1_764_300_001, Samples.Answer);
        _replyEncrypt = Samples.Crypto.Encrypt(_replyXml);
    }

    [Benchmark(Description = "WeChatXml.TryReadFields (envelope)")]
    public IReadOnlyDictionary<string, string>? ReadEnvelope() => WeChatXml.TryReadFields(Samples.EnvelopeXml, out var fields) ? fields : null;

    [Benchmark(Description = "WeChatXml.TryReadFields (message)")]
    public IReadOnlyDictionary<string, string>? ReadMessage() => WeChatXml.TryReadFields(Samples.MessageXml, out var fields) ? fields : null;

    [Benchmark(Description = "InboundMessage.TryCreate")]
    public InboundMessage? CreateInbound() => InboundMessage.TryCreate(_fields, out var message) ? message : null;

    [Benchmark(Description = "CitizenRecognizer.Recognize (tracking)")]
    public CitizenUnderstanding Recognize() => _recognizer.Recognize(Samples.Question, Today);

    [Benchmark(Description = "WeChatActivityMapper.ToActivity")]
    public object ToActivity() => WeChatActivityMapper.ToActivity("wechat-mp", _message);

    [Benchmark(Description = "WeChatReplyXml.Text")]
    public string ReplyText() => WeChatReplyXml.Text(_message.FromUserName, _message.ToUserName, 1_764_300_001, Samples.Answer);

    [Benchmark(Description = "PassiveReplyRenderer.Render")]
    public string Render() => PassiveReplyRenderer.Render(_message, _reply, 1_764_300_001);

    [Benchmark(Description = "WeChatReplyXml.EncryptedEnvelope")]
    public string Envelope() => WeChatReplyXml.EncryptedEnvelope(_replyEncrypt, "6c12a4205838198b8fa631b3220723bb07f1015c", "1764300001", Samples.Nonce);
}
