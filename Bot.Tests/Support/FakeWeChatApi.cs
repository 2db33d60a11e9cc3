using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A local stand-in for WeChat's and WeCom's HTTP API on a loopback port: access tokens, customer-service and template
/// messages. It records what it receives, and can be told to fail.
/// </summary>
public sealed class FakeWeChatApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokenFetches;
    private int _tokenGeneration = 1;

    private FakeWeChatApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How many times a token was fetched.</summary>
    public int TokenFetches => Volatile.Read(ref _tokenFetches);

    /// <summary>The token the fake currently accepts.</summary>
    public string CurrentToken => "token-" + Volatile.Read(ref _tokenGeneration);

    /// <summary>Completed when the first token request arrives.</summary>
    public TaskCompletionSource FirstTokenRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Held before answering a token request; completed by default.</summary>
    public TaskCompletionSource TokenGate { get; set; } = Completed();

    /// <summary>When set, message sends answer this HTTP status until cleared.</summary>
    public int? FailSendsWithStatus { get; set; }

    /// <summary>While true, customer-service sends never answer (and are not taken), as when WeChat's side times out.</summary>
    public bool HangSends { get; set; }

    private int _hungSends;

    /// <summary>How many customer-service sends were left hanging.</summary>
    public int HungSends => Volatile.Read(ref _hungSends);

    private readonly Channel<JsonObject> _customMessages = Channel.CreateUnbounded<JsonObject>();

    private readonly Channel<JsonObject> _appMessages = Channel.CreateUnbounded<JsonObject>();

    /// <summary>
    /// WeCom sign-in codes the fake knows (<c>/cgi-bin/auth/getuserinfo</c>): code → UserID. Each works once, as
    /// WeCom's do; any other code is answered 40029 (invalid code).
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> SignInCodes { get; } = new(StringComparer.Ordinal);

    private readonly Channel<JsonObject> _templateMessages = Channel.CreateUnbounded<JsonObject>();

    /// <summary>How many customer-service messages arrived.</summary>
    public int CustomMessageCount => _customMessages.Reader.Count;

    /// <summary>How many template messages arrived.</summary>
    public int TemplateMessageCount => _templateMessages.Reader.Count;

    /// <summary>When set, customer-service sends are refused with this errcode (45047, 45015…) and not taken, until cleared.</summary>
    public int? RefuseCustomMessagesWith { get; set; }

    /// <summary>When set, template sends are refused with this errcode (48001, 40037…) and not taken, until cleared.</summary>
    public int? RefuseTemplateMessagesWith { get; set; }

    private int _refusedSends;

    /// <summary>How many customer-service or template sends were refused with an errcode.</summary>
    public int RefusedSends => Volatile.Read(ref _refusedSends);

    public static async Task<FakeWeChatApi> StartAsync()
    {
        FakeWeChatApi? fake = null;
        var (_, baseUrl) = await LoopbackHost.StartAsync(app =>
        {
            fake = new FakeWeChatApi(app);
            fake.Map();
        });
        fake!.BaseUrl = baseUrl; // LoopbackHost calls the map before it returns.
        return fake;
    }

    /// <summary>Makes the current token invalid, as if another system had refreshed it.</summary>
    public void RotateToken() => Interlocked.Increment(ref _tokenGeneration);

    /// <summary>Takes the next <paramref name="count"/> customer-service messages, waiting for them (fails after <see cref="Patience"/>).</summary>
    public Task<JsonObject[]> TakeCustomMessagesAsync(int count) => TakeAsync(_customMessages, count);

    /// <summary>Takes every customer-service message that arrived so far, without waiting.</summary>
    public IReadOnlyList<JsonObject> TakeArrivedCustomMessages()
    {
        var taken = new List<JsonObject>();
        while (_customMessages.Reader.TryRead(out var message))
        {
            taken.Add(message);
        }

        return taken;
    }

    /// <summary>Takes the next <paramref name="count"/> template messages, waiting for them (fails after <see cref="Patience"/>).</summary>
    public Task<JsonObject[]> TakeTemplateMessagesAsync(int count) => TakeAsync(_templateMessages, count);

    /// <summary>Takes the next <paramref name="count"/> WeCom app messages, waiting for them (fails after <see cref="Patience"/>).</summary>
    public Task<JsonObject[]> TakeAppMessagesAsync(int count) => TakeAsync(_appMessages, count);

    /// <summary>
    /// How long a take waits for what the service sends on its own time (the outbox, notifications): as long as the
    /// notification tests wait for the store. A passing test never waits it out, and on CI's two cores, loaded by the whole
    /// suite, a send can come late; CI re-runs nothing.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<JsonObject[]> TakeAsync(Channel<JsonObject> messages, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var taken = new JsonObject[count];
        for (var i = 0; i < count; i++)
        {
            taken[i] = await messages.Reader.ReadAsync(timeout.Token);
        }

        return taken;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map()
    {
        _app.MapPost("/cgi-bin/stable_token", async () =>
        {
            Interlocked.Increment(ref _tokenFetches);
            FirstTokenRequest.TrySetResult();
            await TokenGate.Task;
            return Results.Json(new { access_token = CurrentToken, expires_in = 7200 });
        });
        _app.MapGet("/cgi-bin/gettoken", async () =>
        {
            Interlocked.Increment(ref _tokenFetches);
            FirstTokenRequest.TrySetResult();
            await TokenGate.Task;
            return Results.Json(new { errcode = 0, errmsg = "ok", access_token = CurrentToken, expires_in = 7200 });
        });
        _app.MapPost("/cgi-bin/message/send", async (HttpRequest request) =>
        {
            if (request.Query["access_token"] != CurrentToken)
            {
                return Results.Json(new { errcode = 40014, errmsg = "invalid access_token" });
            }

            _appMessages.Writer.TryWrite((await JsonSerializer.DeserializeAsync<JsonObject>(request.Body))!);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        _app.MapGet("/cgi-bin/auth/getuserinfo", (HttpRequest request) =>
        {
            if (request.Query["access_token"] != CurrentToken)
            {
                return Results.Json(new { errcode = 40014, errmsg = "invalid access_token" });
            }

            return SignInCodes.TryRemove(request.Query["code"].ToString(), out var userId)
                ? Results.Json(new { errcode = 0, errmsg = "ok", userid = userId, user_ticket = "ticket" })
                : Results.Json(new { errcode = 40029, errmsg = "invalid code" });
        });
        _app.MapPost("/cgi-bin/message/custom/send", async (HttpRequest request) =>
        {
            if (HangSends)
            {
                Interlocked.Increment(ref _hungSends);
                await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            }

            if (FailSendsWithStatus is { } status)
            {
                return Results.StatusCode(status);
            }

            return await ReceiveAsync(request, _customMessages, RefuseCustomMessagesWith);
        });
        _app.MapPost("/cgi-bin/message/template/send", (HttpRequest request) => ReceiveAsync(request, _templateMessages, RefuseTemplateMessagesWith));
    }

    /// <summary>A message send as WeChat answers it: the token checked, then refused with <paramref name="refusal"/>, or taken.</summary>
    private async Task<IResult> ReceiveAsync(HttpRequest request, Channel<JsonObject> taken, int? refusal)
    {
        if (request.Query["access_token"] != CurrentToken)
        {
            return Results.Json(new { errcode = 40001, errmsg = "invalid credential, access_token is invalid or not latest" });
        }

        if (refusal is { } errcode)
        {
            Interlocked.Increment(ref _refusedSends);
            return Results.Json(new { errcode, errmsg = "refused by the fake" });
        }

        taken.Writer.TryWrite((await JsonSerializer.DeserializeAsync<JsonObject>(request.Body))!);
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
