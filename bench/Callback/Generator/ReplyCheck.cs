using System.Text.Json.Nodes;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bench.Callback.Generator;

/// <summary>
/// Opens saved answers as WeChat would: the envelope's MsgSignature must verify and its Encrypt decrypt to a text
/// reply that starts with the expected words. "success" or an empty body (no passive answer) fails the check. For the
/// 智能机器人, the JSON envelope's <c>msgsignature</c> and a finished stream whose content starts so.
/// </summary>
internal sealed class ReplyCheck(BenchAccount account, bool robot = false)
{
    private readonly WeChatMessageCrypto _crypto = new(account.EncodingAesKey, robot ? "" : account.AppId);

    /// <summary>Checks every file; prints the first reply and a count. Returns the number of files that failed.</summary>
    public int Run(IReadOnlyList<string> files, string expectedStart, bool safe)
    {
        var failed = 0;
        string? first = null;
        foreach (var file in files)
        {
            var body = File.ReadAllText(file);
            if (Open(body, safe) is { } content && content.StartsWith(expectedStart, StringComparison.Ordinal))
            {
                first ??= content;
                continue;
            }

            failed++;
            Console.Error.WriteLine($"not a passive answer starting with \"{expectedStart}\": {Path.GetFileName(file)}: {Shorten(body)}");
        }

        Console.WriteLine($"replies checked: {files.Count}, passive {(safe ? "encrypted " : "")}answers: {files.Count - failed}, failed: {failed}");
        if (first is not null)
        {
            Console.WriteLine("first decrypted answer: " + first.Replace("\n", " | ", StringComparison.Ordinal));
        }

        return failed;
    }

    private string? Open(string body, bool safe)
    {
        if (robot)
        {
            return OpenStream(body);
        }

        if (!WeChatXml.TryReadFields(body, out var fields))
        {
            return null;
        }

        if (safe)
        {
            if (!fields.TryGetValue("Encrypt", out var encrypt) || !fields.TryGetValue("MsgSignature", out var signature)
                || !WeChatSignature.Verify(signature, account.Token, fields.GetValueOrDefault("TimeStamp", ""), fields.GetValueOrDefault("Nonce", ""), encrypt)
                || !_crypto.TryDecrypt(encrypt, out var plain, out _)
                || !WeChatXml.TryReadFields(plain, out fields))
            {
                return null;
            }
        }

        return fields.GetValueOrDefault("MsgType") == "text" ? fields.GetValueOrDefault("Content") : null;
    }

    private string? OpenStream(string body)
    {
        try
        {
            var envelope = JsonNode.Parse(body)!.AsObject();
            var encrypt = (string)envelope["encrypt"]!;
            if (!WeChatSignature.Verify((string?)envelope["msgsignature"], account.Token, (string)envelope["timestamp"]!, (string)envelope["nonce"]!, encrypt)
                || !_crypto.TryDecrypt(encrypt, out var plain, out _))
            {
                return null;
            }

            var stream = JsonNode.Parse(plain)!["stream"]!;
            return (bool)stream["finish"]! ? (string?)stream["content"] : null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
