using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A local stand-in for WeCom's group-robot webhook (<c>POST /cgi-bin/webhook/send?key=…</c>) on a loopback port.
/// It checks each body the way WeCom does (shape per msgtype, byte limits → 45002, base64 and md5 of images),
/// records accepted messages per key with their arrival time on its own clock, answers 93000 for keys it was told
/// are invalid, can enforce WeCom's 20 messages a minute per key (45009), and can be told to fail: the next
/// requests in a script, or a seeded, repeatable fraction of them. Tests await <see cref="WaitForMessagesAsync"/>
/// rather than poll.
/// </summary>
public sealed class FakeWebhook : IAsyncDisposable
{
    public const int InvalidWebhookUrl = 93000;
    public const int TooFrequent = 45009;
    public const int ContentTooLong = 45002;
    public const int EmptyContent = 44004;
    public const int InvalidMessageType = 40008;
    public const int InvalidImage = 40009;
    public const int InvalidParameter = 40058;
    public const int MessagesPerMinute = 20;

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _invalidKeys = new(StringComparer.Ordinal);
    private readonly List<Arrival> _messages = [];
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private readonly Queue<Fault> _script = new();
    private readonly List<(string Key, int Count, TaskCompletionSource<IReadOnlyList<Arrival>> Done)> _waiters = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (double Fraction, Fault Fault, Random Random)? _randomFaults;

    private FakeWebhook(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>How the fake misbehaves for one request; <c>new Fault()</c> is a request it treats normally.</summary>
    /// <param name="Status">Answer this HTTP status, without recording anything.</param>
    /// <param name="ErrorCode">Answer this errcode, without recording anything.</param>
    /// <param name="DropsAnswer">Record the message as delivered, then break the connection instead of answering.</param>
    /// <param name="HoldsAnswer">Record the message as delivered, then answer only after <see cref="ReleaseHeld"/>.</param>
    public sealed record Fault(int? Status = null, int? ErrorCode = null, bool DropsAnswer = false, bool HoldsAnswer = false)
    {
        public static Fault ServerError { get; } = new(Status: 500);

        public static Fault Throttled { get; } = new(ErrorCode: TooFrequent);

        /// <summary>WeCom got the message, but the connection breaks before the answer.</summary>
        public static Fault Drop { get; } = new(DropsAnswer: true);

        /// <summary>WeCom got the message, but the answer comes late (after the client timed out).</summary>
        public static Fault Hold { get; } = new(HoldsAnswer: true);
    }

    /// <summary>One accepted message.</summary>
    /// <param name="Body">The JSON body as posted.</param>
    /// <param name="RawBody">The body's text as it came over the wire.</param>
    /// <param name="ArrivedAt">When it arrived, on the fake's clock.</param>
    public sealed record Arrival(string Key, string MessageType, JsonObject Body, string RawBody, DateTimeOffset ArrivedAt)
    {
        /// <summary>The content of a text or markdown message.</summary>
        public string? Content => Body[MessageType]?["content"]?.GetValue<string>();
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>For <c>WeCom:WebhookBaseUrl</c>: <c>{BaseUrl}cgi-bin/webhook/send</c>.</summary>
    public Uri WebhookUrl => new(BaseUrl, "cgi-bin/webhook/send");

    /// <summary>When true, a key's 21st request within a rolling minute (on the fake's clock) gets 45009.</summary>
    public bool EnforceRateLimit { get; set; }

    /// <summary>Every request that reached the endpoint.</summary>
    public int Requests => Locked(() => _requests.Values.Sum());

    /// <param name="time">The clock for arrival times and the rate limit; the system clock when null.</param>
    public static async Task<FakeWebhook> StartAsync(TimeProvider? time = null)
    {
        FakeWebhook? fake = null;
        var (app, baseUrl) = await LoopbackHost.StartAsync(app =>
        {
            fake = new FakeWebhook(app, time ?? TimeProvider.System);
            app.MapPost("/cgi-bin/webhook/send", fake.HandleAsync);
        });
        fake!.BaseUrl = baseUrl; // LoopbackHost calls the map before it returns.
        return fake;
    }

    /// <summary>Requests with this key get 93000, as for a removed robot.</summary>
    public void RejectKey(string key) => Locked(() => _invalidKeys.Add(key));

    /// <summary>The next requests, one fault each, in order; after them the fake behaves again.</summary>
    public void FailNext(params Fault[] faults) => Locked(() => Array.ForEach(faults, _script.Enqueue));

    /// <summary>Fails about <paramref name="fraction"/> of the requests with <paramref name="fault"/>, the same ones for the same seed.</summary>
    public void FailRandomly(double fraction, Fault fault, int seed) => Locked(() => _randomFaults = (fraction, fault, new Random(seed)));

    /// <summary>Lets held answers (<see cref="Fault.Hold"/>) go.</summary>
    public void ReleaseHeld() => _release.TrySetResult();

    /// <summary>How many requests arrived for <paramref name="key"/>, accepted or not.</summary>
    public int RequestsFor(string key) => Locked(() => _requests.GetValueOrDefault(key));

    /// <summary>The messages accepted for <paramref name="key"/> so far, in arrival order.</summary>
    public IReadOnlyList<Arrival> MessagesFor(string key) => Locked<IReadOnlyList<Arrival>>(() => [.. _messages.Where(message => message.Key == key)]);

    /// <summary>
    /// Completes with the first <paramref name="count"/> messages for <paramref name="key"/> once they have
    /// arrived; fails after 10 s of real time so that a broken test does not hang.
    /// </summary>
    public Task<IReadOnlyList<Arrival>> WaitForMessagesAsync(string key, int count)
    {
        var done = new TaskCompletionSource<IReadOnlyList<Arrival>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((key, count, done));
            CompleteWaiters();
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseHeld();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Query["key"].ToString();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Fault? fault;
        lock (_lock)
        {
            _requests[key] = _requests.GetValueOrDefault(key) + 1;
            fault = NextFault();
        }

        if (fault?.Status is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        var (errorCode, errorMessage) = fault?.ErrorCode is { } code ? (code, "fault") : Accept(key, context.Request.ContentType, body);
        if (errorCode == 0 && fault?.DropsAnswer == true)
        {
            context.Abort();
            return;
        }

        if (errorCode == 0 && fault?.HoldsAnswer == true)
        {
            try
            {
                await _release.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up waiting
            }
        }

        await context.Response.WriteAsJsonAsync(new { errcode = errorCode, errmsg = errorMessage });
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private void Locked(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }

    private Fault? NextFault()
    {
        if (_script.TryDequeue(out var scripted))
        {
            return scripted;
        }

        return _randomFaults is { } random && random.Random.NextDouble() < random.Fraction ? random.Fault : null;
    }

    /// <summary>WeCom's checks, in WeCom's order as far as it is known; records the message when they pass.</summary>
    private (int ErrorCode, string ErrorMessage) Accept(string key, string? contentType, string body)
    {
        lock (_lock)
        {
            if (key.Length == 0 || _invalidKeys.Contains(key))
            {
                return (InvalidWebhookUrl, "invalid webhook url, hint: [fake]");
            }

            var now = _time.GetUtcNow();
            if (EnforceRateLimit && !TakeSlot(key, now))
            {
                return (TooFrequent, "api freq out of limit");
            }

            var (errorCode, errorMessage, message) = Validate(contentType, body);
            if (message is null)
            {
                return (errorCode, errorMessage);
            }

            _messages.Add(new Arrival(key, message["msgtype"]!.GetValue<string>(), message, body, now));
            CompleteWaiters();
            return (0, "ok");
        }
    }

    private bool TakeSlot(string key, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            window = new Queue<DateTimeOffset>();
            _windows[key] = window;
        }

        while (window.TryPeek(out var oldest) && oldest <= now - TimeSpan.FromMinutes(1))
        {
            window.Dequeue();
        }

        if (window.Count >= MessagesPerMinute)
        {
            return false;
        }

        window.Enqueue(now);
        return true;
    }

    private void CompleteWaiters()
    {
        foreach (var waiter in _waiters.ToList())
        {
            var arrived = _messages.Where(message => message.Key == waiter.Key).Take(waiter.Count).ToList();
            if (arrived.Count == waiter.Count)
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(arrived);
            }
        }
    }

    private static (int ErrorCode, string ErrorMessage, JsonObject? Message) Validate(string? contentType, string body)
    {
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (InvalidParameter, "content type is not application/json", null);
        }

        JsonObject? message;
        try
        {
            message = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message?["msgtype"] is not JsonValue type || !type.TryGetValue<string>(out var messageType))
        {
            return (InvalidMessageType, "invalid message type", null);
        }

        if (message.Count != 2 || message[messageType] is not JsonObject payload)
        {
            return (InvalidParameter, $"expected exactly msgtype and {messageType}", null);
        }

        var (errorCode, errorMessage) = messageType switch
        {
            "text" => ValidateText(payload, 2048, ["content", "mentioned_list", "mentioned_mobile_list"]),
            "markdown" => ValidateText(payload, 4096, ["content"]),
            "image" => ValidateImage(payload),
            _ => (InvalidMessageType, "invalid message type"),
        };
        return (errorCode, errorMessage, errorCode == 0 ? message : null);
    }

    private static (int, string) ValidateText(JsonObject payload, int maxBytes, string[] fields)
    {
        if (payload.Select(field => field.Key).Except(fields).FirstOrDefault() is { } unknown)
        {
            return (InvalidParameter, $"unknown field {unknown}");
        }

        foreach (var list in fields.Skip(1))
        {
            if (payload[list] is { } value && (value is not JsonArray array || array.Any(item => item?.GetValueKind() != JsonValueKind.String)))
            {
                return (InvalidParameter, $"{list} must be an array of strings");
            }
        }

        if (!TryGetString(payload, "content", out var text) || string.IsNullOrWhiteSpace(text))
        {
            return (EmptyContent, "empty content");
        }

        return Encoding.UTF8.GetByteCount(text) > maxBytes ? (ContentTooLong, "content exceed max length") : (0, "ok");
    }

    [SuppressMessage("Security", "CA5351", Justification = "WeCom's protocol: an MD5 checksum of the image.")]
    private static (int, string) ValidateImage(JsonObject payload)
    {
        if (payload.Count != 2 || !TryGetString(payload, "base64", out var base64) || !TryGetString(payload, "md5", out var md5))
        {
            return (InvalidParameter, "image needs exactly base64 and md5");
        }

        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return (InvalidParameter, "invalid base64");
        }

        var image = bytes.AsSpan(0, length);
        if (!string.Equals(md5, Convert.ToHexStringLower(MD5.HashData(image)), StringComparison.OrdinalIgnoreCase))
        {
            return (InvalidParameter, "md5 does not match the image");
        }

        var png = image.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]);
        var jpeg = image.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
        return length > 2 * 1024 * 1024 || !(png || jpeg) ? (InvalidImage, "invalid image size or type") : (0, "ok");
    }

    private static bool TryGetString(JsonObject json, string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return json[name] is JsonValue node && node.TryGetValue(out value);
    }
}
