using System.Diagnostics;
using System.Globalization;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// Redis as production runs it highly available, on loopback: a primary, a replica and three <c>redis-sentinel</c>s
/// (quorum 2) watching <see cref="ServiceName"/>. The test may kill the primary and wait for the replica's promotion;
/// the old primary, started again, rejoins as a replica of the new one.
/// </summary>
public sealed class SentinelRedis : IDisposable
{
    public const string ServiceName = "chatpost";

    private readonly PrivateRedisServer[] _servers;
    private readonly PrivateRedisServer[] _sentinels;

    private SentinelRedis(PrivateRedisServer[] servers, PrivateRedisServer[] sentinels) => (_servers, _sentinels) = (servers, sentinels);

    /// <summary>The service's <c>Redis:Configuration</c>: the three sentinels and the service name.</summary>
    public string Configuration => string.Join(',', _sentinels.Select(sentinel => sentinel.Configuration)) + ",serviceName=" + ServiceName;

    /// <summary>Starts the five processes and waits until the sentinels know the replica and each other (fails after 30 s).</summary>
    public static async Task<SentinelRedis> StartAsync()
    {
        var primary = new PrivateRedisServer();
        var replica = new PrivateRedisServer("--replicaof", "127.0.0.1", primary.Port.ToString(CultureInfo.InvariantCulture));
        var sentinels = Enumerable.Range(0, 3).Select(_ => PrivateRedisServer.Sentinel(ServiceName, primary.Port)).ToArray();
        var set = new SentinelRedis([primary, replica], sentinels);
        try
        {
            await WaitUntilAsync(() => set.ReadyForFailover(primary.Port), "the sentinels to know the replica and each other");
            return set;
        }
        catch
        {
            set.Dispose();
            throw;
        }
    }

    /// <summary>The port of the server the sentinels hold for primary now.</summary>
    public int PrimaryPort => int.Parse(Cli(_sentinels.First(s => s.IsRunning).Port, "SENTINEL", "get-master-addr-by-name", ServiceName)[1], CultureInfo.InvariantCulture);

    /// <summary>Kills the current primary (SIGKILL, as a crash would) and returns its port.</summary>
    public int KillPrimary()
    {
        var port = PrimaryPort;
        _servers.Single(server => server.Port == port).Stop();
        return port;
    }

    /// <summary>Waits until a sentinel promoted another server than <paramref name="oldPrimaryPort"/> and it accepts writes.</summary>
    public Task WaitForPromotionAsync(int oldPrimaryPort) => WaitUntilAsync(() =>
        PrimaryPort != oldPrimaryPort && Cli(PrimaryPort, "ROLE")[0] == "master", "a replica to be promoted");

    /// <summary>
    /// Starts the server on <paramref name="port"/> again (a killed primary) as a replica of the current primary, and waits
    /// until it replicates it and the sentinels could fail over again. Started as the primary it was, it would take writes
    /// for the seconds before the sentinels demote it (StackExchange.Redis sends them to it), then drop them when it copies
    /// the new primary: the chaos run lost accepted broadcasts that way. Production start scripts ask the sentinels first.
    /// </summary>
    public Task RestartAsync(int port)
    {
        _servers.Single(server => server.Port == port).Start("--replicaof", "127.0.0.1", PrimaryPort.ToString(CultureInfo.InvariantCulture));
        return WaitUntilAsync(() => ReadyForFailover(PrimaryPort), "the old primary to rejoin as a replica");
    }

    /// <summary>The two servers' ports.</summary>
    public IReadOnlyList<int> ServerPorts => [.. _servers.Select(server => server.Port)];

    /// <summary>Writes each server's and sentinel's log to <paramref name="folder"/> (redis-PORT.log, sentinel-PORT.log).</summary>
    public void SaveLogs(string folder)
    {
        foreach (var (kind, process) in _servers.Select(s => ("redis", s)).Concat(_sentinels.Select(s => ("sentinel", s))))
        {
            File.WriteAllLines(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{kind}-{process.Port}.log")), process.Output);
        }
    }

    public void Dispose()
    {
        foreach (var process in _sentinels.Concat(_servers))
        {
            process.Dispose();
        }
    }

    // Ready when the primary streams to an online replica, and every sentinel sees that replica up, sees the two others,
    // and could authorise a failover.
    private bool ReadyForFailover(int primaryPort) =>
        Cli(primaryPort, "INFO", "replication").Any(line => line.StartsWith("slave0:", StringComparison.Ordinal) && line.Contains("state=online", StringComparison.Ordinal))
        && _sentinels.All(sentinel =>
            Cli(sentinel.Port, "SENTINEL", "ckquorum", ServiceName)[0].StartsWith("OK", StringComparison.Ordinal)
            && Field(Cli(sentinel.Port, "SENTINEL", "master", ServiceName), "num-other-sentinels") == "2"
            && Fields(Cli(sentinel.Port, "SENTINEL", "replicas", ServiceName), "flags").Contains("slave"));

    private static string? Field(string[] lines, string name) => Fields(lines, name).FirstOrDefault();

    // redis-cli prints a reply's field names and values on alternate lines.
    private static IEnumerable<string> Fields(string[] lines, string name) =>
        lines.Select((line, i) => (line, i)).Where(pair => pair.line == name && pair.i + 1 < lines.Length).Select(pair => lines[pair.i + 1]);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Waited 30 s for {what}.");
            }

            await Task.Delay(100);
        }
    }

    private static string[] Cli(int port, params string[] command)
    {
        var lines = PrivateRedisServer.Cli(port, command).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? [""] : lines;
    }
}
