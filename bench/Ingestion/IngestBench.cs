using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bench;

/// <summary>
/// Ingests the generated events through the real <see cref="RedisIngestionStore"/> in batches (several in flight, as
/// several upstream systems would post), then times the announcement's range read over the counters and the whole
/// daily progress announcement composed from them.
/// </summary>
internal sealed class IngestBench(BenchSettings settings, IConnectionMultiplexer redis, bool ownsServer, string configuration) : IDisposable
{
    private RedisConnection? _connection;

    private static readonly DateOnly FirstDay = new(2020, 2, 1);

    public async Task RunAsync()
    {
        Console.WriteLine($"Generating {settings.Events:N0} events over {settings.Days} days…");
        var events = EventGenerator.Create(settings.Events, FirstDay, settings.Days);
        var bodies = settings.Parse ? Serialise(events) : null;
        Console.WriteLine($"Ingesting in batches of {settings.Batch:N0}, {settings.Concurrency} in flight, {RedisIngestionStore.RecordsPerCall} records per script call{(settings.Parse ? ", parsing and validating the JSON of each batch" : "")}");

        var rates = new List<double>();
        RedisIngestionStore? store = null;
        for (var run = 1; run <= settings.Runs; run++)
        {
            var prefix = await FreshPrefixAsync(run);
            store = CreateStore(prefix);
            var before = await RedisWorkAsync();
            var (rate, result) = await IngestAsync(store, events, bodies);
            var work = await RedisWorkAsync() - before;
            rates.Add(rate);
            Console.WriteLine($"  run {run}: {rate,10:N0} events/s   (accepted {result.Accepted:N0}, duplicates {result.Duplicates:N0})" +
                (ownsServer ? string.Create(CultureInfo.InvariantCulture, $"   Redis per event: {work.Commands / events.Length:0.000} commands, {work.CpuSeconds * 1e6 / events.Length:0.0} µs CPU") : ""));
        }

        rates.Sort();
        Console.WriteLine($"Median {rates[rates.Count / 2]:N0} events/s (min {rates[0]:N0}, max {rates[^1]:N0}) over {rates.Count} runs");
        await ReportMemoryAsync();
        await TimeRangeReadsAsync(store!, settings.Days);
        await TimeRangeReadsAsync(store!, 365);
        await TimeAnnouncementAsync(store!, settings.Days);
    }

    // The daily progress announcement as the morning's first group gets it (nothing cached), composed from the
    // counters these events left in Redis: its three range reads, the markdown and, when a CJK font is there,
    // the five charts. Target: within 100 ms with ten million events ingested.
    private async Task TimeAnnouncementAsync(RedisIngestionStore store, int days)
    {
        var options = Options.Create(new DailyProgressOptions { CampaignStart = FirstDay, CacheDuration = TimeSpan.Zero });
        var charts = ChartFonts.CanDrawChinese(options.Value.ChartFont);
        var announcement = new DailyProgressAnnouncement(new DailyProgressFiguresReader(store, options),
            new ProgressChartRenderer(options), options, TimeProvider.System, NullLogger<DailyProgressAnnouncement>.Instance);
        var reportDay = FirstDay.AddDays(days - 1);
        ComposedAnnouncement? composed = null;
        var times = new double[Math.Max(11, settings.Reads / 10)];
        for (var i = -3; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            composed = await announcement.ComposeAsync(reportDay, "襄阳", default);
            if (i >= 0)
            {
                times[i] = watch.Elapsed.TotalMilliseconds;
            }
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Daily progress announcement for {reportDay:yyyy-MM-dd}, uncached, {composed!.Charts.Count} charts{(charts ? "" : $" (no CJK font: apt-get install {ChartFontCheck.FontPackage})")}: " +
            $"median {times[times.Length / 2]:0.0} ms, p95 {times[(int)(times.Length * 0.95)]:0.0} ms, max {times[^1]:0.0} ms over {times.Length} runs (target 100 ms)"));
    }

    private async Task<(double Rate, StoreResult Result)> IngestAsync(RedisIngestionStore store, ShipmentEvent[] events, byte[][]? bodies)
    {
        var batches = events.Chunk(settings.Batch).ToArray();
        var (accepted, duplicates) = (0, 0);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, batches.Length, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency }, async (i, cancellationToken) =>
        {
            IReadOnlyList<ShipmentEvent> batch = bodies is null ? batches[i] : IngestBatchParser.Parse(bodies[i], IngestKinds.Shipments, now, out _)!.Valid;
            var result = await store.AddShipmentEventsAsync(batch, cancellationToken);
            Interlocked.Add(ref accepted, result.Accepted);
            Interlocked.Add(ref duplicates, result.Duplicates);
        });
        watch.Stop();
        return (events.Length / watch.Elapsed.TotalSeconds, new StoreResult(accepted, duplicates));
    }

    private async Task TimeRangeReadsAsync(RedisIngestionStore store, int days)
    {
        var lastDay = FirstDay.AddDays(days - 1);
        IReadOnlyList<ProgressCount> rows = [];
        for (var i = 0; i < 10; i++)
        {
            rows = await store.GetAsync(FirstDay, lastDay, default);
        }

        var times = new double[settings.Reads];
        for (var i = 0; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = await store.GetAsync(FirstDay, lastDay, default);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GetAsync over {days} days ({rows.Count} rows, {rows.Sum(row => row.Count):N0} counted): median {times[times.Length / 2]:0.00} ms, p95 {times[(int)(times.Length * 0.95)]:0.00} ms, max {times[^1]:0.00} ms"));
    }

    /// <summary>
    /// The commands Redis has executed (scripts' inner commands included) and the CPU it has used so far, from INFO (our own
    /// server only). Per event, these do not drift with the load of a shared machine the way rates do.
    /// </summary>
    private async Task<RedisWork> RedisWorkAsync()
    {
        if (!ownsServer)
        {
            return default;
        }

        var server = redis.GetServers()[0];
        var commands = (await server.InfoAsync("commandstats")).SelectMany(group => group)
            .Where(stat => stat.Key.StartsWith("cmdstat_", StringComparison.Ordinal) && stat.Key != "cmdstat_info")
            .Sum(stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture));
        var cpu = (await server.InfoAsync("cpu")).SelectMany(group => group)
            .Where(stat => stat.Key is "used_cpu_user" or "used_cpu_sys")
            .Sum(stat => double.Parse(stat.Value, CultureInfo.InvariantCulture));
        return new RedisWork(commands, cpu);
    }

    private readonly record struct RedisWork(long Commands, double CpuSeconds)
    {
        public static RedisWork operator -(RedisWork after, RedisWork before) => new(after.Commands - before.Commands, after.CpuSeconds - before.CpuSeconds);
    }

    private async Task ReportMemoryAsync()
    {
        if (!ownsServer)
        {
            return; // INFO needs admin mode, which is only turned on for our own server.
        }

        var info = await redis.GetServers()[0].InfoAsync("memory");
        var used = info.SelectMany(group => group).FirstOrDefault(pair => pair.Key == "used_memory").Value;
        if (long.TryParse(used, CultureInfo.InvariantCulture, out var bytes))
        {
            Console.WriteLine($"Redis memory after the last run: {bytes / 1024.0 / 1024.0:N0} MiB, {bytes / (double)settings.Events:N0} bytes per event");
        }
    }

    private async Task<string> FreshPrefixAsync(int run)
    {
        if (ownsServer)
        {
            // Our own throw-away server: start every run from an empty keyspace.
            await redis.GetServers()[0].FlushDatabaseAsync();
            return "bench:";
        }

        return $"bench:{Guid.NewGuid():N}:{run}:";
    }

    public void Dispose() => _connection?.Dispose();

    private RedisIngestionStore CreateStore(string prefix)
    {
        _connection?.Dispose();
        _connection = new RedisConnection(redis,
            Options.Create(new RedisOptions { KeyPrefix = prefix, Configuration = configuration, DurableWriteReplicas = settings.Wait }));
        return new RedisIngestionStore(_connection, Options.Create(new IngestOptions()));
    }

    private byte[][] Serialise(ShipmentEvent[] events) => [.. events.Chunk(settings.Batch).Select(batch =>
        JsonSerializer.SerializeToUtf8Bytes(batch.Select(ShipmentEventDto.From).ToArray(), BenchJsonContext.Default.ShipmentEventDtoArray))];
}
