using System.Globalization;

namespace ChatPost.Bench.Announcements;

/// <summary>The command line: <c>--name value</c> pairs, each with a default.</summary>
internal sealed record BenchSettings(long Events, int Days, int Runs, int Warmup, int ChartRuns, int MemoryRenders)
{
    public static BenchSettings FromArgs(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        long Number(string name, long fallback) =>
            values.TryGetValue(name, out var text) ? long.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

        return new BenchSettings(
            Number("events", 10_000_000),
            (int)Number("days", 65),
            (int)Number("runs", 31),
            (int)Number("warmup", 5),
            (int)Number("chart-runs", 11),
            (int)Number("memory-renders", 100));
    }
}
