using ChatPost.Bench;
using StackExchange.Redis;

// Throughput of ingestion into Redis and latency of the announcement's range read. See README.md.
var settings = BenchSettings.FromArgs(args);
using var server = settings.Redis is null ? PrivateRedis.Start() : null;
// Replicas of the private server, for the cost of durable writes (WAIT for --wait of them before a batch is answered).
var replicas = server is null ? [] : Enumerable.Range(0, settings.Replicas).Select(_ => PrivateRedis.Start(server.Port)).ToArray();
var configuration = ConfigurationOptions.Parse(settings.Redis ?? server!.Configuration);
configuration.AbortOnConnectFail = false;
configuration.AllowAdmin = server is not null;
configuration.AsyncTimeout = configuration.SyncTimeout = 30_000;
using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
for (var tries = 0; !redis.IsConnected && tries < 100; tries++)
{
    await Task.Delay(50);
}

Console.WriteLine($"Redis {redis.GetServers()[0].Version} at {redis.GetServers()[0].EndPoint}{(server is null ? "" : " (private, no persistence)")}, {Environment.ProcessorCount} cores");
if (replicas.Length > 0)
{
    await WaitForReplicasAsync(redis.GetServers()[0], replicas.Length);
    Console.WriteLine($"{replicas.Length} replica(s); each batch waits for {settings.Wait} to acknowledge it");
}

using (var bench = new IngestBench(settings, redis, ownsServer: server is not null, settings.Redis ?? server!.Configuration))
{
    await bench.RunAsync();
}
foreach (var replica in replicas)
{
    replica.Dispose();
}

static async Task WaitForReplicasAsync(IServer primary, int count)
{
    for (var tries = 0; tries < 200; tries++)
    {
        var info = await primary.InfoRawAsync("replication");
        if ((info ?? "").Split('\n').Count(line => line.StartsWith("slave", StringComparison.Ordinal) && line.Contains("state=online", StringComparison.Ordinal)) >= count)
        {
            return;
        }

        await Task.Delay(50);
    }

    throw new TimeoutException("The replicas did not come online.");
}
