using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatPost.Bot.WeChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A local stand-in for WeCom's side of the 智能机器人 (WECOM-ROBOT.md), over real HTTP: it signs and encrypts
/// callbacks as WeCom does (JSON envelope, receive id <c>""</c>), opens the robot's answers as WeCom would (checks
/// <c>msgsignature</c> and the nonce, decrypts), polls an unfinished stream about every <see cref="PollInterval"/>,
/// alternating between the bots it knows, and serves response_urls, recording every post.
/// </summary>
public sealed class FakeAiRobotPlatform : IAsyncDisposable
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string BotId = "aibTestBot01";
    public const string Name = "邮政助手";

    private readonly WeChatMessageCrypto _crypto = new(EncodingAesKey, "");
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Url, JsonObject Body)> _posts = new();
    private readonly SemaphoreSlim _posted = new(0);
    private int _msgIds;

    private FakeAiRobotPlatform(WebApplication app, Uri baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public Uri BaseUrl { get; }

    /// <summary>The prefix the service is told to allow (<c>WeCom:Robot:ResponseUrlPrefix</c>).</summary>
    public string ResponseUrlPrefix => BaseUrl + "cgi-bin/aibot/response";

    /// <summary>How often an unfinished stream is polled: about every second, as WeCom does.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every post to a response_url so far.</summary>
    public IReadOnlyList<(string Url, JsonObject Body)> ResponsePosts => [.. _posts];

    public static async Task<FakeAiRobotPlatform> StartAsync()
    {
        FakeAiRobotPlatform? platform = null;
        var (app, baseUrl) = await LoopbackHost.StartAsync(app => app.MapPost("/cgi-bin/aibot/response", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonObject>(request.Body);
            platform!.Record(request.Path + request.QueryString, body!);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        }));
        platform = new FakeAiRobotPlatform(app, baseUrl);
        return platform;
    }

    /// <summary>The service's settings for this robot, replay window included.</summary>
    public Dictionary<string, string?> Settings(string firstReplyBudget = "00:00:00.800", string streamCloseAfter = "00:05:00") => new()
    {
        ["WeCom:Robot:Token"] = Token,
        ["WeCom:Robot:EncodingAESKey"] = EncodingAesKey,
        ["WeCom:Robot:BotId"] = BotId,
        ["WeCom:Robot:Name"] = Name,
        ["WeCom:Robot:ResponseUrlPrefix"] = ResponseUrlPrefix,
        ["WeCom:Robot:FirstReplyBudget"] = firstReplyBudget,
        ["WeCom:Robot:StreamCloseAfter"] = streamCloseAfter,
    };

    /// <summary>A fresh msgid, shaped like WeCom's.</summary>
    public string NewMsgId() => Convert.ToBase64String(BitConverter.GetBytes(Interlocked.Increment(ref _msgIds) + 0x5EED_0000L)) + "CAIQ";

    /// <summary>A text message as WeCom sends it: the @-mention stays in the content.</summary>
    public JsonObject Text(string userId, string? chatId, string content, string? msgId = null) => Message(userId, chatId, msgId, "text",
        new JsonObject { ["content"] = content });

    /// <summary>A refresh of stream <paramref name="streamId"/>.</summary>
    public static JsonObject Refresh(string userId, string? chatId, string streamId) => new()
    {
        ["msgid"] = "refresh-" + Guid.NewGuid().ToString("N"),
        ["aibotid"] = BotId,
        ["chatid"] = chatId,
        ["chattype"] = chatId is null ? "single" : "group",
        ["from"] = new JsonObject { ["userid"] = userId },
        ["msgtype"] = "stream",
        ["stream"] = new JsonObject { ["id"] = streamId },
    };

    /// <summary>An event (<c>enter_chat</c>, <c>feedback_event</c>, <c>template_card_event</c>) with its detail object.</summary>
    public JsonObject Event(string userId, string? chatId, string eventType, JsonObject? detail = null) => new()
    {
        ["msgid"] = NewMsgId(),
        ["create_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["aibotid"] = BotId,
        ["chatid"] = chatId,
        ["chattype"] = chatId is null ? "single" : "group",
        ["from"] = new JsonObject { ["userid"] = userId },
        ["response_url"] = NewResponseUrl(),
        ["msgtype"] = "event",
        ["event"] = detail is null
            ? new JsonObject { ["eventtype"] = eventType }
            : new JsonObject { ["eventtype"] = eventType, [eventType] = detail },
    };

    /// <summary>A click on a card's button.</summary>
    public JsonObject Click(string userId, string? chatId, string taskId, string eventKey) => Event(userId, chatId, "template_card_event",
        new JsonObject { ["card_type"] = "button_interaction", ["event_key"] = eventKey, ["task_id"] = taskId });

    public string NewResponseUrl() => ResponseUrlPrefix + "?response_code=" + Guid.NewGuid().ToString("N");

    /// <summary>The callback WeCom posts for <paramref name="plaintext"/>: signed, encrypted, a fresh timestamp.</summary>
    public HttpRequestMessage Callback(JsonObject plaintext, string? nonce = null, string? timestamp = null) =>
        Callback(_crypto.Encrypt(plaintext.ToJsonString()), nonce ?? NewNonce(), timestamp);

    /// <summary>A callback around any ciphertext, correctly signed: for ciphertexts that only decryption can refuse.</summary>
    public static HttpRequestMessage Callback(string encrypt, string nonce, string? timestamp = null)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(Token, timestamp, nonce, encrypt);
        return new HttpRequestMessage(HttpMethod.Post, $"/wechat/work/robot?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}")
        {
            Content = new StringContent(new JsonObject { ["encrypt"] = encrypt }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>Posts <paramref name="plaintext"/> and opens the answer: its plaintext JSON, or null for an empty 200.</summary>
    public async Task<JsonObject?> PostAsync(HttpClient bot, JsonObject plaintext)
    {
        var (status, answer, body) = await SendAsync(bot, plaintext, CancellationToken.None);
        Assert.True((int)status is >= 200 and < 300, $"{(int)status} {body}");
        return answer;
    }

    /// <summary>
    /// Posts <paramref name="plaintext"/> without judging the answer, as WeCom would meet a proxy's 502: the status, the
    /// opened answer of a 2xx (null when empty), and the raw body.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonObject? Answer, string Body)> SendAsync(HttpClient bot, JsonObject plaintext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var nonce = NewNonce();
        using var response = await bot.SendAsync(Callback(plaintext, nonce), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, response.IsSuccessStatusCode ? Open(body, nonce) : null, body);
    }

    /// <summary>Opens an answer as WeCom would: the envelope's signature over its own timestamp and our nonce, then decrypts.</summary>
    public JsonObject? Open(string body, string nonce)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var envelope = JsonNode.Parse(body)!.AsObject();
        var (encrypt, signature, timestamp) = ((string)envelope["encrypt"]!, (string)envelope["msgsignature"]!, (string)envelope["timestamp"]!);
        Assert.Equal(nonce, (string?)envelope["nonce"]);
        Assert.True(WeChatSignature.Verify(signature, Token, timestamp, nonce, encrypt), "msgsignature does not verify");
        Assert.True(_crypto.TryDecrypt(encrypt, out var plain, out var error), "cannot decrypt: " + error);
        return JsonNode.Parse(plain)!.AsObject();
    }

    /// <summary>
    /// A member @-mentions the robot and waits for the whole answer as WeCom does: the message goes to
    /// <paramref name="bots"/>[0]; while the stream is unfinished, it is refreshed every <see cref="PollInterval"/>,
    /// alternating between the bots; gives up (fails) after <paramref name="patience"/> (default 6 minutes, WeCom's wall).
    /// <paramref name="afterAnswer"/> runs after each answer with how many came so far.
    /// </summary>
    public async Task<StreamConversation> AskAsync(IReadOnlyList<HttpClient> bots, string userId, string? chatId, string text, TimeSpan? patience = null,
        Func<int, JsonObject, Task>? afterAnswer = null)
    {
        var message = Text(userId, chatId, $"@{Name}\u2005{text}");
        var first = await PostAsync(bots[0], message);
        Assert.NotNull(first);
        var answers = new List<JsonObject> { first };
        var streamId = (string)first["stream"]!["id"]!;
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromMinutes(6));
        var refreshes = 0;
        while (!(bool)answers[^1]["stream"]!["finish"]!)
        {
            if (afterAnswer is not null)
            {
                await afterAnswer(answers.Count, answers[^1]);
            }

            Assert.True(DateTime.UtcNow < deadline, "the stream never finished");
            await Task.Delay(PollInterval);
            refreshes++;
            var answer = await PostAsync(bots[refreshes % bots.Count], Refresh(userId, chatId, streamId));
            Assert.NotNull(answer);
            Assert.Equal(streamId, (string?)answer["stream"]!["id"]);
            answers.Add(answer);
        }

        return new StreamConversation(message, streamId, answers, refreshes);
    }

    /// <summary>Waits until <paramref name="count"/> posts reached response_urls (fails after <paramref name="within"/>).</summary>
    public async Task<IReadOnlyList<(string Url, JsonObject Body)>> WaitForResponsePostsAsync(int count, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (_posts.Count < count)
        {
            await _posted.WaitAsync(timeout.Token);
        }

        return ResponsePosts;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _posted.Dispose();
    }

    private static string NewNonce() => Random.Shared.Next(100_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    private JsonObject Message(string userId, string? chatId, string? msgId, string type, JsonObject body) => new()
    {
        ["msgid"] = msgId ?? NewMsgId(),
        ["aibotid"] = BotId,
        ["chatid"] = chatId,
        ["chattype"] = chatId is null ? "single" : "group",
        ["from"] = new JsonObject { ["userid"] = userId },
        ["response_url"] = NewResponseUrl(),
        ["msgtype"] = type,
        [type] = body,
    };

    private void Record(string url, JsonObject body)
    {
        _posts.Enqueue((url, body));
        _posted.Release();
    }
}

/// <summary>One message and every answer its stream gave, first reply to last refresh.</summary>
public sealed record StreamConversation(JsonObject Message, string StreamId, IReadOnlyList<JsonObject> Answers, int Refreshes)
{
    public JsonObject Final => (JsonObject)Answers[^1]["stream"]!;

    public string Content => (string)Final["content"]!;
}
