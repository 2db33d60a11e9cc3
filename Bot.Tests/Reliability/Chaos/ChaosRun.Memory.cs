using System.Diagnostics;
using System.Globalization;

namespace ChatPost.Bot.Tests.Reliability.Chaos;

/// <summary>
/// Each replica's memory, every 5 s: its resident set (<c>VmRSS</c>), and from its own <c>/metrics</c> the GC heap after
/// the last collection, the memory the GC has committed and the methods JIT-compiled so far. The resident set alone
/// cannot tell a leak from the runtime settling; a managed heap that stays flat while the resident set grows, and grows
/// only while the JIT still compiles (tiered compilation recompiling hot methods), can.
/// </summary>
internal sealed partial class ChaosRun
{
    private const string HeapMetric = "dotnet_gc_last_collection_heap_size_bytes";
    private const string CommittedMetric = "dotnet_gc_last_collection_memory_committed_size_bytes";
    private const string JitMetric = "dotnet_jit_compiled_methods_total";

    private readonly Dictionary<int, List<MemorySample>> _memory = [];

    private sealed record MemorySample(double Minutes, int Slot, double Resident, double? Heap, double? Committed, double? JitMethods);

    private async Task SampleMemoryAsync(Stopwatch clock, CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (!stop.IsCancellationRequested)
        {
            for (var slot = 0; slot < cluster.ReplicaCount; slot++)
            {
                if (cluster.Replica(slot) is { } replica && ResidentMegabytes(replica.ProcessId) is { } resident)
                {
                    var metrics = await MetricsAsync(http, replica.BaseUrl);
                    var sample = new MemorySample(clock.Elapsed.TotalMinutes, slot, resident, Megabytes(metrics, HeapMetric), Megabytes(metrics, CommittedMetric),
                        Sum(metrics, JitMetric));
                    lock (_memory)
                    {
                        (_memory.TryGetValue(replica.ProcessId, out var samples) ? samples : _memory[replica.ProcessId] = []).Add(sample);
                    }
                }
            }

            await Pause(5000, stop);
        }
    }

    private static double? ResidentMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null; // exited between the check and the read
        }
    }

    // The replica's own /metrics (Prometheus text), or null while it does not answer (killed, or stalled).
    private static async Task<string?> MetricsAsync(HttpClient http, Uri replica)
    {
        try
        {
            return await http.GetStringAsync(new Uri(replica, "metrics"));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    private static double? Megabytes(string? metrics, string name) => Sum(metrics, name) / (1024 * 1024);

    // The sum of a metric's series (the heap's are one per generation: gen0, gen1, gen2, loh, poh).
    private static double? Sum(string? metrics, string name)
    {
        var values = (metrics ?? "").Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(line => double.Parse(line[(line.IndexOf('}', StringComparison.Ordinal) is var brace and >= 0 ? brace + 1 : name.Length)..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture))
            .ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    // For each replica: where its resident set and GC heap started, peaked and ended, their least-squares slopes after
    // the first half minute (start-up: JIT, pools, caches) and over the second half of its life (growth beyond warm-up),
    // and one sample a minute of each, with the GC's committed memory and the methods JIT-compiled in that minute.
    private void ReportMemory(ChaosReport report)
    {
        foreach (var (pid, samples) in _memory.Where(m => m.Value.Count >= 4))
        {
            var (start, lived) = (samples[0].Minutes, samples[^1].Minutes - samples[0].Minutes);
            List<MemorySample> settled = [.. samples.Where(s => s.Minutes - start >= 0.5)], secondHalf = [.. samples.Where(s => s.Minutes - start >= lived / 2)];
            var heap = samples.Where(s => s.Heap is not null).ToList();
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"replica {samples[0].Slot} (pid {pid}): {samples.Count} samples over {lived:0.0} min; RSS first {samples[0].Resident:0} MB, max {samples.Max(s => s.Resident):0} MB, last {samples[^1].Resident:0} MB, slope after the first half minute {Slope(settled, s => s.Resident):0.00} MB/min, over the second half {Slope(secondHalf, s => s.Resident):0.00} MB/min"));
            if (heap.Count > 0)
            {
                report.Line(string.Create(CultureInfo.InvariantCulture,
                    $"    GC heap after the last collection: first {heap[0].Heap:0.0} MB, max {heap.Max(s => s.Heap):0.0} MB, last {heap[^1].Heap:0.0} MB, slope after the first half minute {Slope(settled, s => s.Heap):0.00} MB/min, over the second half {Slope(secondHalf, s => s.Heap):0.00} MB/min; GC committed last {heap[^1].Committed:0} MB"));
            }

            var minutes = samples.GroupBy(s => (int)(s.Minutes - start)).Select(minute => minute.First()).ToList();
            report.Line($"    RSS each minute (MB): {string.Join(' ', minutes.Select(s => s.Resident.ToString("0", CultureInfo.InvariantCulture)))}");
            report.Line($"    GC heap each minute (MB): {string.Join(' ', minutes.Select(s => s.Heap?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"))}");
            report.Line($"    GC committed each minute (MB): {string.Join(' ', minutes.Select(s => s.Committed?.ToString("0", CultureInfo.InvariantCulture) ?? "-"))}");
            report.Line($"    methods JIT-compiled each minute: {string.Join(' ', minutes.Zip(minutes.Skip(1), (from, to) => (to.JitMethods - from.JitMethods)?.ToString("0", CultureInfo.InvariantCulture) ?? "-"))}");
        }
    }

    // Least-squares slope of a measure against time, in MB a minute; NaN for fewer than three samples that have it.
    private static double Slope(List<MemorySample> samples, Func<MemorySample, double?> measure)
    {
        var points = samples.Where(s => measure(s) is not null).Select(s => (X: s.Minutes, Y: measure(s)!.Value)).ToList();
        if (points.Count < 3)
        {
            return double.NaN;
        }

        var (meanX, meanY) = (points.Average(p => p.X), points.Average(p => p.Y));
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }
}
