using System.Globalization;

namespace ChatPost.Bench;

/// <summary>The command line: <c>--name value</c> pairs, each with a default.</summary>
internal sealed record BenchSettings(string? Redis, int Events, int Batch, int Concurrency, int Runs, int Days, int Reads, bool Parse, int Replicas, int Wait)
{
    public static BenchSettings FromArgs(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

        return new BenchSettings(
            values.GetValueOrDefault("redis"),
            Number("events", 1_000_000),
            Number("batch", 1_000),
            Number("concurrency", 4),
            Number("runs", 5),
            Number("days", 120),
            Number("reads", 200),
            values.GetValueOrDefault("parse") is "true" or "1",
            Number("replicas", 0),
            Number("wait", Number("replicas", 0)));
    }
}
