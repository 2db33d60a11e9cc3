using System.Net;
using System.Runtime;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Knowledge;
using ChatPost.Bot.WeChat;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Warmup;

/// <summary>
/// Before it reports ready (<c>/readyz</c>), the service asks itself what citizens ask until the JIT has compiled what that
/// runs, at most <see cref="MaxDuration"/>. .NET compiles a method at its first call and again, optimised, after 30
/// (tiered compilation), so a replica that took WeChat's traffic at once answered the campaign's first seconds at half its
/// speed (BENCHMARKS.md). The questions are real Official Account callbacks over loopback, signed (and encrypted, in safe
/// mode) as WeChat's are, so that they run what a push runs: Kestrel and its connections, the callback's checks, the turn
/// gate on the real store, the bot. Between them it runs what the service runs every second or so all day, far faster
/// (<see cref="BackgroundRunsPerSample"/>): it reads <c>/metrics</c> as Prometheus does, and checks the knowledge base's
/// revision. The questions come from
/// sandbox users (<see cref="UserIds.SandboxPrefix"/>): nothing is sent to them, kept for them or counted as a citizen's,
/// and what they leave in the store expires with the turn gate's replies.
/// </summary>
internal sealed class StartupWarmup(IServer server, IHostApplicationLifetime lifetime, IHostEnvironment environment,
    IOptions<WeChatOptions> options, KnowledgeBase knowledge, TimeProvider time, ILogger<StartupWarmup> logger) : BackgroundService, IHealthCheck
{
    /// <summary>
    /// The longest it asks itself: the optimised compilations it starts are done in the background, one at a time, and
    /// took 15–20 s of a two-core machine (BENCHMARKS.md). Well inside the 2 minutes after which a replica not ready alerts.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(30);

    /// <summary>How often it looks whether the JIT still compiles.</summary>
    private static readonly TimeSpan JitSample = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Warm is when the JIT has compiled fewer than <see cref="QuietMethods"/> methods in each of <see cref="QuietSamples"/>
    /// samples in a row: the answer's path has reached its optimised code, and what still compiles is code that runs seldom.
    /// </summary>
    private const int QuietMethods = 10;

    private const int QuietSamples = 3;

    /// <summary>
    /// Quiet counts only after this many answers, and only in samples with answers: a JIT idle while the first callbacks wait
    /// (for the store's first round trips, say) says nothing; a warm-up that ended so, after a second, gained nothing. By then
    /// each question has been asked far more than the 30 times that promote a method.
    /// </summary>
    private const int MinAnswers = 2000;

    /// <summary>Askers, each with one callback in flight at a time: four gained as much as eight, with fewer threads and less memory.</summary>
    private const int Concurrency = 4;

    /// <summary>
    /// One callback in this many closes its connection, so that connection set-up and tear-down, which WeChat's traffic
    /// runs all day, reach their optimised compilation here too.
    /// </summary>
    private const int CallbacksPerConnection = 8;

    /// <summary>
    /// What the campaign's citizens ask most (samples/citizen-questions.tsv): where an item is, in the ways they write it,
    /// which is answered in one step. Other questions take the full turn and compile on their first use: warming them too
    /// took the warm-up from ~15 to ~28 s and the service's peak memory 8 MB higher (BENCHMARKS.md).
    /// </summary>
    private static readonly string[] Questions =
    [
        "EA987654326CN到哪了",
        "帮我查一下 EB 111 222 332 CN",
        "我的行驶证寄出来没有 单号EM123456785CN",
        "EA202011077CN",
        "查询 EA135724682CN",
        "EB246813576CN 什么时候能送到",
        "EM314159268CN到哪了",
        "ea271828189cn",
    ];

    /// <summary>
    /// Each asker's pause between its callbacks: a few hundred a second in all. Paced so, the answer's path was promoted
    /// as soon as when asking flat out (quiet after 14.7 s and 10,253 callbacks, against 17.7 s and 59,118), which left
    /// the cores to the background compiler and the store a sixth of the replies to keep for WeChat's retries.
    /// </summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(8);

    /// <summary>Distinct sandbox users the questions come from: each asks a few times, well within the lookup quota.</summary>
    private const int Users = 16384;

    /// <summary>
    /// How often each sample scrapes <c>/metrics</c> and checks the knowledge base's revision. Prometheus scrapes and the
    /// knowledge base checks (<see cref="KnowledgeBase"/>) every second or so all day, and the tiered JIT promotes a method at
    /// its 30th and 60th run: left to themselves, their code (the exporter's some hundred methods, the Redis client's GET
    /// path) compiled 30 and 60 s after the start, in the campaign's first minute (BENCHMARKS.md). Run this often, both are
    /// past their 60th run by the end of the warm-up. A check finds the revision unchanged and reads nothing more.
    /// </summary>
    private const int BackgroundRunsPerSample = 3;

    /// <summary>Set when the warm-up has ended, whether it ran, was not wanted, or failed.</summary>
    private volatile bool _ended;

    /// <summary>
    /// Whether this service warms up: in Production and Staging, when the Official Account is configured (its callback is
    /// what the warm-up asks). A developer's or a test's service takes its first request at once.
    /// </summary>
    public static bool IsWanted(IHostEnvironment environment, WeChatOptions wechat)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(wechat);
        return (environment.IsProduction() || environment.IsStaging()) && wechat.OfficialAccount.IsConfigured;
    }

    /// <summary>Degraded, which <c>/readyz</c> answers 503, until the warm-up has ended: the service answers, but slowly.</summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ended ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("warming up"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!IsWanted(environment, options.Value))
            {
                return;
            }

            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(started.SetResult))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            await WarmUpAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while warming up.
        }
        catch (Exception exception)
        {
            // A service that could not warm up still answers, only slower at first.
            logger.WarmupFailed(exception);
        }
        finally
        {
            _ended = true;
        }
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (LoopbackAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses) is not { } address)
        {
            logger.NoLoopbackAddress();
            return;
        }

        var callbacks = new WarmupCallbacks(options.Value.OfficialAccount, time);
        // A connection for each asker, and one for the scrapes.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency + 1, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = address,
            Timeout = options.Value.ReplyDeadline + TimeSpan.FromSeconds(1),
        };
        var started = time.GetTimestamp();
        var next = -1;
        var answered = 0;
        HttpStatusCode? refusal = null;
        using var warm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var asking = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            try
            {
                while (!warm.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref next);
                    using var request = callbacks.Create(Questions[n % Questions.Length], UserIds.SandboxPrefix + "warmup-" + (n % Users));
                    request.Headers.ConnectionClose = n % CallbacksPerConnection == 0;
                    using var response = await http.SendAsync(request, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        // The warm-up cannot ask anything (a changed account, a rule in front of the callback): stop.
                        refusal = response.StatusCode;
                        await warm.CancelAsync();
                        return;
                    }

                    Interlocked.Increment(ref answered);
                    await Task.Delay(Pause, time, cancellationToken);
                }
            }
            catch
            {
                await warm.CancelAsync();
                throw;
            }
        }).ToArray();

        var backgroundRuns = 0;
        await WaitForQuietJitAsync(() => Volatile.Read(ref answered), async () =>
        {
            for (var i = 0; i < BackgroundRunsPerSample; i++, backgroundRuns++)
            {
                // The check ends with the service, not with the warm-up: it throws when cancelled, and a warm-up that stops
                // (a callback refused, an asker failed) must still end by saying why.
                await Task.WhenAll(ScrapeAsync(http, warm.Token), knowledge.RefreshAsync(cancellationToken));
            }
        }, warm.Token);
        await warm.CancelAsync();
        await Task.WhenAll(asking);
        var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
        // What the warm-up allocated (its client, thousands of answers) is no garbage the service needs room for: give the
        // heap back before the first citizen comes, so that it does not stay on top of what traffic grows to.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (refusal is { } status)
        {
            logger.WarmupRefused((int)status, answered);
        }
        else
        {
            logger.WarmedUp(answered, backgroundRuns, elapsed);
        }
    }

    /// <summary>
    /// Returns when the JIT is quiet while the service answers (<see cref="QuietMethods"/>, <see cref="MinAnswers"/>), after
    /// <see cref="MaxDuration"/>, or when the warm-up stops. Each sample also runs <paramref name="background"/>.
    /// </summary>
    private async Task WaitForQuietJitAsync(Func<int> answered, Func<Task> background, CancellationToken stopped)
    {
        var started = time.GetTimestamp();
        var (compiled, answers) = (JitInfo.GetCompiledMethodCount(), answered());
        for (var quiet = 0; quiet < QuietSamples && time.GetElapsedTime(started) < MaxDuration && !stopped.IsCancellationRequested;)
        {
            await Task.WhenAll(Task.Delay(JitSample, time, CancellationToken.None), background());
            var (nowCompiled, nowAnswers) = (JitInfo.GetCompiledMethodCount(), answered());
            quiet = nowCompiled - compiled < QuietMethods && nowAnswers > answers && nowAnswers >= MinAnswers ? quiet + 1 : 0;
            (compiled, answers) = (nowCompiled, nowAnswers);
        }
    }

    /// <summary>Reads <c>/metrics</c> as Prometheus does. A scrape that fails costs the warm-up nothing.</summary>
    private static async Task ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(TelemetryExtensions.MetricsPath, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            // Not mapped, or the warm-up ended meanwhile: the callbacks are what the warm-up is for.
        }
    }

    /// <summary>The service's own plain-HTTP address, as reached from inside the machine; null when it listens on HTTPS only.</summary>
    internal static Uri? LoopbackAddress(IEnumerable<string>? addresses)
    {
        foreach (var address in addresses ?? [])
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                continue;
            }

            // Kestrel reports a wildcard binding (http://+:8080, http://*:8080, http://[::]:8080) as the any-address.
            var wildcard = uri.Host is "+" or "*" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
                && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));
            return wildcard ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;
        }

        return null;
    }
}
