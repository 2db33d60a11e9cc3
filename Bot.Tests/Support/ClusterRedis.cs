using System.Diagnostics;
using System.Globalization;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A real Redis Cluster of three primaries on loopback (<c>redis-server --cluster-enabled yes</c>, joined with
/// <c>redis-cli --cluster create</c>), each owning a third of the 16,384 hash slots.
/// </summary>
public sealed class ClusterRedis : IDisposable
{
    private readonly PrivateRedisServer[] _nodes;

    private ClusterRedis(PrivateRedisServer[] nodes) => _nodes = nodes;

    /// <summary>The service's <c>Redis:Configuration</c>: every node (the client discovers the slots from any of them).</summary>
    public string Configuration => string.Join(',', _nodes.Select(node => node.Configuration));

    /// <summary>Starts three nodes, creates the cluster and waits until every node reports it ok (fails after 30 s).</summary>
    public static async Task<ClusterRedis> StartAsync()
    {
        var cluster = new ClusterRedis([.. Enumerable.Range(0, 3).Select(_ =>
            new PrivateRedisServer("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000"))]);
        try
        {
            var create = Process.Start(new ProcessStartInfo("redis-cli", ["--cluster", "create", .. cluster._nodes.Select(node => node.Configuration),
                "--cluster-replicas", "0", "--cluster-yes"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await create.StandardOutput.ReadToEndAsync() + await create.StandardError.ReadToEndAsync();
            await create.WaitForExitAsync();
            if (create.ExitCode != 0)
            {
                throw new InvalidOperationException("redis-cli --cluster create failed:\n" + output);
            }

            var since = Stopwatch.StartNew();
            while (!cluster._nodes.All(node => PrivateRedisServer.Cli(node.Port, "CLUSTER", "INFO").Contains("cluster_state:ok", StringComparison.Ordinal)))
            {
                if (since.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException("The cluster did not become ok within 30 s.");
                }

                await Task.Delay(100);
            }

            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>How many keys each node holds (<c>DBSIZE</c>), in node order.</summary>
    public IReadOnlyList<long> KeysPerNode() => [.. _nodes.Select(node => long.Parse(PrivateRedisServer.Cli(node.Port, "DBSIZE").Trim(), CultureInfo.InvariantCulture))];

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }
}
