using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.WeChatVectors;

namespace ChatPost.Bot.Tests.WeChat;

/// <summary>
/// Checks our crypto against an independent implementation, the npm package wechat-crypto@0.0.2 (node-webot),
/// run by node through TestData/WeChat/crosscheck.js. Fails, never skips, when the package is not installed.
/// </summary>
public sealed class WeChatCryptoCrossCheckTests
{
    private const string NodeModulesVariable = "CHATPOST_NODE_MODULES";
    private static readonly (string Key, string Id, string Token)[] Accounts =
    [
        (V6.EncodingAesKey, V6.ReceiveId, V6.Token),
        (V7.EncodingAesKey, V7.CorpId, V7.Token),
        (V3.EncodingAesKey, V3.AppId, V3.Token),
    ];

    [Fact]
    public async Task Encrypt_EveryPadLength_DecryptsWithWechatCrypto()
    {
        var cases = new List<(string Message, string Id, JsonObject Case)>();
        foreach (var (key, id, token) in Accounts)
        {
            var sut = new WeChatMessageCrypto(key, id);
            for (var pad = 1; pad <= 32; pad++)
            {
                var message = WeChatMessageCryptoTests.ChineseMessageWithPad(pad, id);
                cases.Add((message, id, Case("decrypt", token, key, id, encrypt: sut.Encrypt(message))));
            }
        }

        var results = await RunNodeAsync(cases.Select(c => c.Case));

        Assert.Equal(cases.Count, results.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.Equal(cases[i].Message, (string?)results[i]?["message"]);
            Assert.Equal(cases[i].Id, (string?)results[i]?["id"]);
        }
    }

    [Fact]
    public async Task TryDecrypt_WechatCryptoCiphertextForEveryPadLength_ReturnsMessage()
    {
        var cases = new List<(string Message, string Key, string Id, JsonObject Case)>();
        foreach (var (key, id, token) in Accounts)
        {
            for (var pad = 1; pad <= 32; pad++)
            {
                var message = WeChatMessageCryptoTests.ChineseMessageWithPad(pad, id);
                cases.Add((message, key, id, Case("encrypt", token, key, id, message: message)));
            }
        }

        var results = await RunNodeAsync(cases.Select(c => c.Case));

        Assert.Equal(cases.Count, results.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var sut = new WeChatMessageCrypto(cases[i].Key, cases[i].Id);
            Assert.True(sut.TryDecrypt((string)results[i]!["encrypt"]!, out var message, out var error), error.ToString());
            Assert.Equal(cases[i].Message, message);
        }
    }

    [Fact]
    public async Task Compute_MixedCaseAndChineseInputs_MatchesWechatCryptoSignature()
    {
        var inputs = new (string Token, string Timestamp, string Nonce, string Encrypt)[]
        {
            (V6.Token, V6.Timestamp, V6.Nonce, V6.Encrypt),
            (V7.Token, V7.ReplyTimestamp, V7.ReplyNonce, V7.ReplyEncrypt),
            ("abc", "B1", "a", "Zz"),
            ("Token", "token", "TOKEN", "_token"),
            ("令牌", "1713424427", "随机数", "密文"),
            ("t", "1", "n", new WeChatMessageCrypto(V6.EncodingAesKey, V6.ReceiveId).Encrypt(new string('长', 3000))),
        };

        var results = await RunNodeAsync(inputs.Select(x =>
            Case("sign", x.Token, V6.EncodingAesKey, V6.ReceiveId, encrypt: x.Encrypt, timestamp: x.Timestamp, nonce: x.Nonce)));

        Assert.Equal(inputs.Length, results.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            var (token, timestamp, nonce, encrypt) = inputs[i];
            Assert.Equal((string?)results[i]?["signature"], WeChatSignature.Compute(token, timestamp, nonce, encrypt));
        }
    }

    internal static JsonObject Case(string op, string token, string key, string id,
        string? encrypt = null, string? message = null, string? timestamp = null, string? nonce = null) => new()
        {
            ["op"] = op, ["token"] = token, ["encodingAesKey"] = key, ["id"] = id,
            ["encrypt"] = encrypt, ["message"] = message, ["timestamp"] = timestamp, ["nonce"] = nonce,
        };

    private static Task<JsonArray> RunNodeAsync(IEnumerable<JsonObject> cases) =>
        RunNodeAsync("crosscheck.js", Path.Combine("wechat-crypto", "lib", "msg_crypto.js"), "wechat-crypto@0.0.2", cases);

    /// <summary>Runs <paramref name="script"/> of TestData/WeChat over <paramref name="cases"/> with the npm package that <paramref name="marker"/> belongs to.</summary>
    internal static async Task<JsonArray> RunNodeAsync(string script, string marker, string package, IEnumerable<JsonObject> cases)
    {
        var modules = Environment.GetEnvironmentVariable(NodeModulesVariable);
        if (string.IsNullOrWhiteSpace(modules))
        {
            Assert.Fail($"{NodeModulesVariable} is not set. Run the README's test script: it runs "
                + $"`npm install --prefix .cache/node {package}` and exports "
                + $"{NodeModulesVariable}=<absolute path of .cache/node>.");
        }

        modules = Path.GetFullPath(modules);
        if (!File.Exists(Path.Combine(modules, "node_modules", marker)))
        {
            Assert.Fail($"{NodeModulesVariable}={modules} has no node_modules/{marker}. Run the README's test script "
                + $"(`npm install --prefix .cache/node {package}`).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            Environment = { [NodeModulesVariable] = modules },
        };
        start.ArgumentList.Add(WeChatXmlTests.TestDataPath(script));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var node = StartNode(start);

        var stdout = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.StandardInput.WriteAsync(new JsonObject { ["cases"] = new JsonArray([.. cases]) }.ToJsonString());
        node.StandardInput.Close();
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"node crosscheck.js exited with {node.ExitCode}: {await stderr}");
        return JsonNode.Parse(await stdout)?["results"]?.AsArray() ?? throw new InvalidOperationException("No results from node.");
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception exception)
        {
            Assert.Fail($"Cannot run node ({exception.Message}); install Node.js and run the README's test script.");
            throw;
        }
    }
}
