using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Channels.WeCom.AiRobot;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Reliability.Chaos;

/// <summary>
/// A realistic mix through nginx for <c>duration</c> — citizens' pushes with WeChat's retries, 智能机器人 questions in the
/// staff groups with WeCom's stream refreshes, ingestion batches, manager broadcasts, the announcement every 10 s —
/// while (with faults) replicas are killed (SIGKILL), stopped (SIGTERM) and restarted and Redis fails over, at random
/// from <c>seed</c>. Then it checks what must hold and reports it line by line. The seed fixes the faults' order, kind,
/// target and spacing; the traffic's interleaving with them is the machine's.
/// </summary>
internal sealed partial class ChaosRun(ChaosCluster cluster, TimeSpan duration, bool faults, int seed, Action<string> log)
{
    private const int Citizens = 3;
    private const int Clerks = 2;
    private static readonly string[] CitizenQuestions = ["你好", "寄发票收邮费吗", "{0}到哪了"];
    private static readonly string[] ClerkQuestions = ["进度", "寄发票收邮费吗", "{0}到哪了"];

    // WeChat and WeCom wait five seconds for an answer before they try again.
    private static readonly TimeSpan CallbackPatience = TimeSpan.FromSeconds(5);

    private readonly Random _random = new(seed);
    private readonly List<Push> _pushes = [];
    private readonly List<RobotQuestion> _questions = [];
    private readonly List<(string Number, DateTimeOffset Answered)> _ingested = [];
    private readonly List<(string Id, string Text)> _broadcasts = [];
    private readonly List<Fault> _faults = [];
    private readonly ConcurrentDictionary<string, int> _serverErrors = new(StringComparer.Ordinal);
    private readonly WeChatPush _signer = new();
    private long _sequence;

    public async Task<ChaosReport> RunAsync()
    {
        using var http = new HttpClient { BaseAddress = cluster.Nginx.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        log($"chaos: {duration} through nginx on {cluster.Nginx.BaseUrl}, {cluster.ReplicaCount} replicas, Sentinel, faults {(faults ? "on" : "off")}, seed {seed}");
        await Task.WhenAll([
            .. Enumerable.Range(0, Citizens).Select(_ => PushAsync(http, stop.Token)),
            .. Enumerable.Range(0, Clerks).Select(_ => AskRobotAsync(http, stop.Token)),
            IngestAsync(http, stop.Token),
            BroadcastAsync(http, stop.Token),
            SampleMemoryAsync(clock, stop.Token),
            faults ? InjectFaultsAsync(stop.Token) : Task.CompletedTask,
        ]);
        log($"chaos: traffic stopped after {clock.Elapsed:mm\\:ss}; letting late replies and deliveries finish");
        var reports = await WaitForBroadcastsAsync(http);
        // Late replies a killed replica left claimed are taken over after LateReplies:RetryAfter (5 s here).
        await Task.Delay(TimeSpan.FromSeconds(8));
        return await ReportAsync(reports);
    }

    private async Task PushAsync(HttpClient http, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _sequence);
            var question = string.Format(CultureInfo.InvariantCulture, CitizenQuestions[n % CitizenQuestions.Length], Number(n % 50));
            var push = new Push($"oChaos{n}", question, 7_000_000_000 + n, DateTimeOffset.UtcNow);
            lock (_pushes)
            {
                _pushes.Add(push);
            }

            // WeChat tries three times, each after waiting five seconds for the one before, until one gets a 200.
            var xml = WeChatPush.TextXml(push.User, question, push.MsgId, push.Sent.ToUnixTimeSeconds());
            for (var attempt = 1; attempt <= 3 && push.Status != HttpStatusCode.OK; attempt++)
            {
                var tried = push.Tried(string.Create(CultureInfo.InvariantCulture, $"p{push.MsgId}.{attempt}"));
                using var patience = new CancellationTokenSource(CallbackPatience);
                try
                {
                    using var request = Absolute(_signer.Plaintext(xml), http.BaseAddress!);
                    request.Headers.Add(LoopbackNginx.TagHeader, tried.Tag);
                    using var response = await http.SendAsync(request, patience.Token);
                    push.Status = Noted(response.StatusCode, "/wechat/mp");
                    if (response.IsSuccessStatusCode)
                    {
                        push.Passive = PassiveContent(await response.Content.ReadAsStringAsync(patience.Token));
                    }

                    tried.Answered(push.Status, push.Passive ?? "no reply");
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
                {
                    push.Status = null;
                    tried.Failed(exception);
                }
            }

            push.Done = DateTimeOffset.UtcNow;
            await Pause(300, stop);
        }
    }

    // A clerk @-mentions the 智能机器人 in a staff group; WeCom retries the message as WeChat does, then refreshes the
    // stream about every second, through whichever replica nginx picks, until it finishes.
    private async Task AskRobotAsync(HttpClient http, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _sequence);
            var group = (int)(n % ChaosCluster.Groups);
            var clerk = $"clerk{n}";
            var text = string.Format(CultureInfo.InvariantCulture, ClerkQuestions[n % ClerkQuestions.Length], Number(n % 50));
            var message = cluster.Robot.Text(clerk, ChaosCluster.Chat(group), $"@{FakeAiRobotPlatform.Name}\u2005{text}");
            var question = new RobotQuestion(ResponseCode((string)message["response_url"]!), (string)message["msgid"]!, clerk, DateTimeOffset.UtcNow);
            lock (_questions)
            {
                _questions.Add(question);
            }

            JsonObject? stream = null;
            for (var attempt = 1; attempt <= 3 && stream is null; attempt++)
            {
                stream = await CallRobotAsync(http, message, question.Tried(string.Create(CultureInfo.InvariantCulture, $"q{n}.m{attempt}")));
            }

            var giveUp = DateTimeOffset.UtcNow + ChaosCluster.StreamCloseAfter + TimeSpan.FromSeconds(15);
            for (var refresh = 1; stream is not null && (bool?)stream["finish"] != true && DateTimeOffset.UtcNow < giveUp; refresh++)
            {
                await Task.Delay(1000, CancellationToken.None);
                var refreshed = await CallRobotAsync(http, FakeAiRobotPlatform.Refresh(clerk, ChaosCluster.Chat(group), (string)stream["id"]!),
                    question.Tried(string.Create(CultureInfo.InvariantCulture, $"q{n}.r{refresh}")));
                stream = refreshed ?? stream; // a refresh that failed is polled again, as WeCom does
            }

            question.StreamId = (string?)stream?["id"];
            question.Finished = (bool?)stream?["finish"] == true;
            question.Final = (string?)stream?["content"];
            question.Done = DateTimeOffset.UtcNow;
            await Pause(300, stop);
        }
    }

    // One callback of WeCom's, tagged for nginx's log; its stream, or null when it got none.
    private async Task<JsonObject?> CallRobotAsync(HttpClient http, JsonObject plaintext, Try tried)
    {
        using var patience = new CancellationTokenSource(CallbackPatience);
        try
        {
            var nonce = Random.Shared.Next(100_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            using var request = cluster.Robot.Callback(plaintext, nonce);
            request.Headers.Add(LoopbackNginx.TagHeader, tried.Tag);
            using var response = await http.SendAsync(request, patience.Token);
            var body = await response.Content.ReadAsStringAsync(patience.Token);
            var stream = Noted(response.StatusCode, "/wechat/work/robot") == HttpStatusCode.OK ? cluster.Robot.Open(body, nonce)?["stream"]?.AsObject() : null;
            tried.Answered(response.StatusCode, stream is null ? "no stream" : $"{((bool?)stream["finish"] == true ? "finish" : "running")} {(string?)stream["content"]}");
            return stream;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            tried.Failed(exception);
            return null;
        }
    }

    private async Task IngestAsync(HttpClient http, CancellationToken stop)
    {
        for (var batch = 0; !stop.IsCancellationRequested;)
        {
            // The first batch holds the 50 numbers the questions ask about; every later batch ten new ones.
            string[] numbers = batch == 0
                ? [.. Enumerable.Range(0, 50).Select(i => Number(i))]
                : [.. Enumerable.Range(0, 10).Select(i => Number(1000 + (batch * 10) + i))];
            var json = "[" + string.Join(',', numbers.Select(number => string.Create(CultureInfo.InvariantCulture, $$"""
                { "trackingNo": "{{number}}", "business": "license", "city": "襄阳", "status": "in_transit",
                  "time": "{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}", "location": "襄州区", "description": "运输中" }
                """))) + "]";
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/ingest/shipments") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChaosCluster.IngestKey);
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                if (Noted(response.StatusCode, "/api/ingest/shipments") == HttpStatusCode.OK)
                {
                    var answered = DateTimeOffset.UtcNow;
                    lock (_ingested)
                    {
                        _ingested.AddRange(numbers.Select(number => (number, answered)));
                    }

                    batch++;
                }
            }
            catch (HttpRequestException)
            {
                // Sent again with the same records, as an upstream system would.
            }

            await Pause(500, stop);
        }
    }

    private async Task BroadcastAsync(HttpClient http, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{BroadcastText} {n}");
            // A manager's client tries again with the same idempotency key: one broadcast however often it is sent.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/broadcasts") { Content = JsonContent.Create(new { text, idempotencyKey = "chaos-" + text }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffSetup.AdminKey);
                request.Headers.Add(BroadcastEndpoints.ManagerHeader, StaffSetup.ProvinceManager);
                try
                {
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    if (Noted(response.StatusCode, "POST /api/broadcasts") == HttpStatusCode.Accepted)
                    {
                        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!["id"]!;
                        lock (_broadcasts)
                        {
                            _broadcasts.Add((id, text));
                        }

                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // tried again below
                }

                await Task.Delay(1000, CancellationToken.None);
            }

            await Pause(8000, stop);
        }
    }

    private async Task InjectFaultsAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Pause(_random.Next(8_000, 16_000), stop);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            var from = DateTimeOffset.UtcNow;
            var slot = _random.Next(cluster.ReplicaCount);
            string what;
            var excused = true;
            switch (_random.Next(3))
            {
                case 0:
                    await cluster.KillAsync(slot);
                    await Task.Delay(2000, CancellationToken.None);
                    await cluster.RestartAsync(slot);
                    what = $"SIGKILL replica {slot}, restarted";
                    break;
                case 1:
                    var took = await cluster.TerminateAsync(slot);
                    await cluster.RestartAsync(slot);
                    what = string.Create(CultureInfo.InvariantCulture, $"SIGTERM replica {slot} (exited in {took.TotalSeconds:0.0} s), restarted");
                    excused = false; // a graceful stop finishes what it accepted: no window of its own
                    break;
                default:
                    var primary = cluster.Redis.KillPrimary();
                    await cluster.Redis.WaitForPromotionAsync(primary);
                    var promoted = DateTimeOffset.UtcNow - from;
                    await cluster.Redis.RestartAsync(primary);
                    what = string.Create(CultureInfo.InvariantCulture,
                        $"Redis primary killed, replica promoted in {promoted.TotalSeconds:0.0} s (:{primary} → :{cluster.Redis.PrimaryPort}), old primary a replica again after {(DateTimeOffset.UtcNow - from - promoted).TotalSeconds:0.0} s");
                    break;
            }

            lock (_faults)
            {
                _faults.Add(new Fault(what, from, DateTimeOffset.UtcNow, excused));
            }

            log($"chaos: {from:HH:mm:ss} {what}");
        }
    }

    private async Task<Dictionary<string, JsonObject?>> WaitForBroadcastsAsync(HttpClient http)
    {
        var reports = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        var since = Stopwatch.StartNew();
        foreach (var (id, _) in _broadcasts)
        {
            JsonObject? report = null;
            while (since.Elapsed < TimeSpan.FromMinutes(2))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"api/broadcasts/{id}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffSetup.AdminKey);
                using var response = await http.SendAsync(request);
                Noted(response.StatusCode, "GET /api/broadcasts/{id}");
                report = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
                if ((string?)report?["state"] == "completed")
                {
                    break;
                }

                await Task.Delay(500);
            }

            reports[id] = report;
        }

        return reports;
    }

    // The records answered 200 that the primary does not hold, each with when its batch was answered.
    private async Task<List<(string Number, DateTimeOffset Answered)>> MissingIngestedAsync()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration);
        var database = redis.GetDatabase();
        var records = _ingested.DistinctBy(record => record.Number).ToList();
        var exists = await Task.WhenAll(records.Select(record => database.KeyExistsAsync(cluster.KeyPrefix + "{postal}:ship:" + record.Number)));
        var missing = records.Where((_, i) => !exists[i]).ToList();
        // Where a missing record is, if anywhere: each server asked directly.
        foreach (var record in missing.DistinctBy(record => record.Answered))
        {
            log($"chaos: missing {record.Number} (primary now :{cluster.Redis.PrimaryPort}): " + string.Join(", ", cluster.Redis.ServerPorts.Select(port =>
                $":{port} {PrivateRedisServer.Cli(port, "EXISTS", cluster.KeyPrefix + "{postal}:ship:" + record.Number).Trim()}")));
        }

        return missing;
    }

    private const string BroadcastText = "混沌通知";

    // A 500 is the service's own failure (nginx answers 502 or 504 for a replica that died or stalled under a request).
    private HttpStatusCode Noted(HttpStatusCode status, string endpoint)
    {
        if (status == HttpStatusCode.InternalServerError)
        {
            _serverErrors.AddOrUpdate(endpoint, 1, (_, count) => count + 1);
        }

        return status;
    }

    private static string Number(long n) => string.Create(CultureInfo.InvariantCulture, $"EC{n:D9}CN");

    private static string ResponseCode(string url) => url[(url.IndexOf("response_code=", StringComparison.Ordinal) + "response_code=".Length)..];

    private static Task Pause(int milliseconds, CancellationToken stop) =>
        Task.Delay(milliseconds, stop).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    // WeChatPush builds requests for a relative /wechat/mp; the client's base address (nginx) makes them absolute.
    private static HttpRequestMessage Absolute(HttpRequestMessage request, Uri baseAddress)
    {
        request.RequestUri = new Uri(baseAddress, request.RequestUri!.OriginalString);
        return request;
    }

    // "success" or an empty body is no answer (a late one follows through the API); otherwise the reply's Content.
    private static string? PassiveContent(string body) =>
        body.Length == 0 || body == "success" ? null : WeChatXml.TryReadFields(body, out var fields) ? fields.GetValueOrDefault("Content", body) : body;

    private sealed record Fault(string What, DateTimeOffset From, DateTimeOffset To, bool Excused);

    /// <summary>One HTTP try of a push or a 智能机器人 callback: its tag in nginx's log, when it went, what came back.</summary>
    private sealed class Try(string tag, DateTimeOffset at)
    {
        public string Tag => tag;

        public DateTimeOffset At => at;

        public TimeSpan Took { get; private set; }

        public string Outcome { get; private set; } = "";

        public void Answered(HttpStatusCode? status, string what) =>
            (Took, Outcome) = (DateTimeOffset.UtcNow - at, string.Create(CultureInfo.InvariantCulture, $"{(int?)status} {what}"));

        public void Failed(Exception exception) =>
            (Took, Outcome) = (DateTimeOffset.UtcNow - at, exception is OperationCanceledException ? "no answer in 5 s" : "connection failed");
    }

    /// <summary>What the harness sent for one push or question: when, when it was done with, and its tries in order.</summary>
    private abstract class Asked(DateTimeOffset sent)
    {
        public DateTimeOffset Sent => sent;

        public DateTimeOffset Done { get; set; }

        public List<Try> Tries { get; } = [];

        public Try Tried(string tag)
        {
            var tried = new Try(tag, DateTimeOffset.UtcNow);
            Tries.Add(tried);
            return tried;
        }
    }

    private sealed class Push(string user, string question, long msgId, DateTimeOffset sent) : Asked(sent)
    {
        public string User => user;

        public string Question => question;

        public long MsgId => msgId;

        public HttpStatusCode? Status { get; set; }

        /// <summary>The passive reply of the try WeChat took, or null when it answered "success" (or no try got a 200).</summary>
        public string? Passive { get; set; }
    }

    private sealed class RobotQuestion(string responseCode, string msgId, string clerk, DateTimeOffset sent) : Asked(sent)
    {
        public string ResponseCode => responseCode;

        public string MsgId => msgId;

        public string Clerk => clerk;

        public string? StreamId { get; set; }

        public bool Finished { get; set; }

        public string? Final { get; set; }
    }
}
