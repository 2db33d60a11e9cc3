using System.Diagnostics;
using System.Globalization;

namespace ChatPost.Bench.Announcements;

/// <summary>Runs an operation after a warm-up and prints the median, p95 and extremes of its wall-clock time.</summary>
internal static class Timing
{
    public static async Task<double> MeasureAsync(string name, int warmup, int runs, Func<Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        var milliseconds = new double[runs];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var perRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs;
        Array.Sort(milliseconds);
        var median = milliseconds[runs / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} median {median,8:0.000} ms   p95 {milliseconds[(int)Math.Ceiling(runs * 0.95) - 1],8:0.000} ms   min {milliseconds[0],8:0.000}   max {milliseconds[^1],8:0.000}   ~{perRun / 1024.0,8:0} KB/run   ({runs} runs)"));
        return median;
    }
}
