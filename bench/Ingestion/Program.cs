using ChatPost.Bench;
using StackExchange.Redis;

// Throughput of ingestion into Redis and latency of the announcement's range read. See README.md.
var settings = BenchSettings.FromArgs(args);
using var server = settings.Redis is null ? PrivateRedis.Start() : null;
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
await new IngestBench(settings, redis, ownsServer: server is not null).RunAsync();
