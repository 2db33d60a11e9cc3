using System.Diagnostics;
using System.Globalization;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Reliability.Chaos;

/// <summary>
/// What the chaos run stands on, all on loopback: Redis under Sentinel, PostgreSQL for the clustered scheduler, the
/// fakes of WeChat's API, the WeCom webhook and the 智能机器人's side of WeCom, three replicas, and nginx with deploy/'s
/// configuration in front. Replicas are killed, stopped and started again by slot; a slot keeps its port, so nginx
/// keeps finding it.
/// </summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    public const string IngestKey = "ingest-chaos-key-0123456789";
    public const int Groups = 5;

    /// <summary>How long a 智能机器人 stream stays open before its answer goes through the response_url.</summary>
    public static readonly TimeSpan StreamCloseAfter = TimeSpan.FromSeconds(20);

    private readonly BotProcess?[] _replicas;
    private readonly int[] _ports;
    private readonly Dictionary<string, string?> _settings;
    private readonly List<ReplicaLife> _lives = [];

    private ChaosCluster(SentinelRedis redis, FakeWebhook webhook, FakeWeChatApi api, FakeAiRobotPlatform robot, Dictionary<string, string?> settings,
        BotProcess[] replicas)
    {
        (Redis, Webhook, Api, Robot, _settings, _replicas) = (redis, webhook, api, robot, settings, replicas);
        _ports = [.. replicas.Select(replica => replica.BaseUrl.Port)];
        Nginx = new LoopbackNginx(replicas.Select(replica => replica.BaseUrl));
        for (var slot = 0; slot < replicas.Length; slot++)
        {
            _lives.Add(new ReplicaLife(slot, replicas[slot].ProcessId, DateTimeOffset.UtcNow));
        }
    }

    public SentinelRedis Redis { get; }

    public FakeWebhook Webhook { get; }

    public FakeWeChatApi Api { get; }

    public FakeAiRobotPlatform Robot { get; }

    public LoopbackNginx Nginx { get; }

    public string KeyPrefix => _settings["Redis:KeyPrefix"]!;

    /// <summary>Where each replica's output goes once it ends (killed, stopped, or at the end of the run).</summary>
    public string LogFolder { get; } = Directory.CreateTempSubdirectory("chatpost-chaos-").FullName;

    public int ReplicaCount => _replicas.Length;

    /// <summary>The WeCom chat id of group <paramref name="index"/>, whose 智能机器人 answers for its city.</summary>
    public static string Chat(int index) => string.Create(CultureInfo.InvariantCulture, $"wrChaosGroup{index:D2}");

    /// <summary>The city of group <paramref name="index"/>.</summary>
    public static string City(int index) => Cities.All[index];

    public static async Task<ChaosCluster> StartAsync(int replicas)
    {
        var redis = await SentinelRedis.StartAsync();
        var webhook = await FakeWebhook.StartAsync();
        var api = await FakeWeChatApi.StartAsync();
        var robot = await FakeAiRobotPlatform.StartAsync();
        var settings = StaffSetup.Settings(webhook, api, [.. Enumerable.Range(0, Groups).Select(i => (string?)City(i))]);
        foreach (var (key, value) in robot.Settings(streamCloseAfter: StreamCloseAfter.ToString("c", CultureInfo.InvariantCulture)))
        {
            settings[key] = value;
        }

        for (var i = 0; i < Groups; i++)
        {
            settings[$"Groups:{i}:ChatId"] = Chat(i);
        }

        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:KeyPrefix"] = TestRedis.Prefix("Chaos"),
            ["Scheduler:Clustered"] = "true",
            ["Scheduler:ConnectionString"] = await TestPostgres.CreateDatabaseAsync("Chaos"),
            ["WeChat:OfficialAccount:AppId"] = ChatPostFactory.AppId,
            ["WeChat:OfficialAccount:AppSecret"] = "test-secret",
            ["WeChat:OfficialAccount:Token"] = ChatPostFactory.Token,
            ["WeChat:OfficialAccount:EncodingAESKey"] = ChatPostFactory.EncodingAesKey,
            ["WeChat:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Ingest:ApiKey"] = IngestKey,
            // One client address (nginx's loopback) carries every caller here, so the per-address limits would refuse
            // the test's own traffic; production has many addresses.
            ["RateLimits:IngestPerMinute"] = "100000",
            ["RateLimits:AdminPerMinute"] = "100000",
            ["Broadcasts:RetryAfter"] = "00:00:05",
            ["Broadcasts:PollInterval"] = "00:00:00.200",
            ["LateReplies:RetryAfter"] = "00:00:05",
            ["Announcements:DailyProgress:Cron"] = "0/10 * * * * ?",
            ["Announcements:DailyProgress:ReportDay"] = "Today",
            ["Announcements:DailyProgress:Charts"] = "false",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            // Each retried copy a replica served from the stored reply, by MsgId: what a trace of a push needs.
            ["Logging:LogLevel:ChatPost.Bot.Channels.WeChatCallbackHandler"] = "Debug",
        })
        {
            settings[key] = value;
        }

        var starting = Enumerable.Range(0, replicas).Select(_ => BotProcess.StartAsync(settings)).ToArray();
        try
        {
            return new ChaosCluster(redis, webhook, api, robot, settings, await Task.WhenAll(starting));
        }
        catch
        {
            // Nothing the run started may outlive a failed start.
            foreach (var replica in starting.Where(task => task.IsCompletedSuccessfully))
            {
                await replica.Result.DisposeAsync();
            }

            await robot.DisposeAsync();
            await api.DisposeAsync();
            await webhook.DisposeAsync();
            redis.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Who served on nginx's upstream <paramref name="port"/> at <paramref name="at"/>: <c>r{slot}/{pid}</c>, as the log
    /// files are named, or <c>r{slot}/down</c>.
    /// </summary>
    public string ReplicaAt(int port, DateTimeOffset at)
    {
        var slot = Array.IndexOf(_ports, port);
        var life = _lives.LastOrDefault(life => life.Slot == slot && life.Started <= at && (life.Ended is null || at <= life.Ended));
        return string.Create(CultureInfo.InvariantCulture, $"r{slot}/{(life is null ? "down" : life.Pid.ToString(CultureInfo.InvariantCulture))}");
    }

    /// <summary>Every replica's log so far, as <c>r{slot}/{pid}</c> and its lines: those that ended, and those still running.</summary>
    public IEnumerable<(string Replica, IReadOnlyList<string> Lines)> Logs()
    {
        foreach (var file in Directory.GetFiles(LogFolder, "replica*.log"))
        {
            var name = Path.GetFileNameWithoutExtension(file)["replica".Length..].Split('-');
            yield return ($"r{name[0]}/{name[1]}", File.ReadAllLines(file));
        }

        for (var slot = 0; slot < _replicas.Length; slot++)
        {
            if (_replicas[slot] is { } replica)
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"r{slot}/{replica.ProcessId}"), replica.Output);
            }
        }
    }

    /// <summary>The replica in <paramref name="slot"/>, or null while it is down.</summary>
    public BotProcess? Replica(int slot) => _replicas[slot];

    /// <summary>Kills the replica in <paramref name="slot"/> (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillAsync(int slot)
    {
        var replica = _replicas[slot]!;
        _replicas[slot] = null;
        await EndAsync(slot, replica);
    }

    /// <summary>Stops the replica in <paramref name="slot"/> (SIGTERM) and waits for it to exit; returns how long it took.</summary>
    public async Task<TimeSpan> TerminateAsync(int slot)
    {
        var replica = _replicas[slot]!;
        var stopping = Stopwatch.StartNew();
        replica.Terminate();
        await replica.WaitForExitAsync();
        var took = stopping.Elapsed;
        _replicas[slot] = null;
        await EndAsync(slot, replica);
        return took;
    }

    /// <summary>Starts a replica in <paramref name="slot"/> again, on the port nginx knows for it.</summary>
    public async Task RestartAsync(int slot)
    {
        var started = DateTimeOffset.UtcNow;
        _replicas[slot] = await BotProcess.StartAsync(new Dictionary<string, string?>(_settings)
        {
            ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_ports[slot]}"),
        });
        lock (_lives)
        {
            _lives.Add(new ReplicaLife(slot, _replicas[slot]!.ProcessId, started));
        }
    }

    private async Task EndAsync(int slot, BotProcess replica)
    {
        var pid = replica.ProcessId;
        await replica.DisposeAsync();
        lock (_lives)
        {
            var life = _lives.FindLastIndex(life => life.Pid == pid);
            _lives[life] = _lives[life] with { Ended = DateTimeOffset.UtcNow };
        }

        await File.WriteAllLinesAsync(Path.Combine(LogFolder, string.Create(CultureInfo.InvariantCulture, $"replica{slot}-{pid}.log")), replica.Output);
    }

    public async ValueTask DisposeAsync()
    {
        Redis.SaveLogs(LogFolder);
        Nginx.Dispose();
        for (var slot = 0; slot < _replicas.Length; slot++)
        {
            if (_replicas[slot] is { } replica)
            {
                await EndAsync(slot, replica);
            }
        }

        await Robot.DisposeAsync();
        await Api.DisposeAsync();
        await Webhook.DisposeAsync();
        Redis.Dispose();
    }

    private sealed record ReplicaLife(int Slot, int Pid, DateTimeOffset Started, DateTimeOffset? Ended = null);
}
