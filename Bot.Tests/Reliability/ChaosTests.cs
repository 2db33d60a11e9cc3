using System.Globalization;
using ChatPost.Bot.Tests.Reliability.Chaos;
using ChatPost.Bot.Tests.Support;
using Xunit.Abstractions;

namespace ChatPost.Bot.Tests.Reliability;

/// <summary>
/// The chaos run (Chaos/ChaosRun.cs): two minutes in the suite, with a new seed each time (printed, with the command
/// that replays it). <c>bench/Chaos/run.sh</c> runs it for ten, or as the 30-minute soak without faults, through
/// CHATPOST_CHAOS_MINUTES, CHATPOST_CHAOS_FAULTS and CHATPOST_CHAOS_SEED.
/// </summary>
[Collection(InfrastructureFailures.Name)]
public class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MixedLoad_WhileReplicasDieAndRedisFailsOver_EveryInvariantHolds()
    {
        var minutes = double.Parse(Environment.GetEnvironmentVariable("CHATPOST_CHAOS_MINUTES") ?? "2", CultureInfo.InvariantCulture);
        var faults = Environment.GetEnvironmentVariable("CHATPOST_CHAOS_FAULTS") != "false";
        var seed = Environment.GetEnvironmentVariable("CHATPOST_CHAOS_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next(1, 100_000);
        await using var cluster = await ChaosCluster.StartAsync(replicas: 3);

        var report = await new ChaosRun(cluster, TimeSpan.FromMinutes(minutes), faults, seed, output.WriteLine).RunAsync();

        foreach (var line in report.Lines)
        {
            output.WriteLine(line);
        }

        await File.WriteAllLinesAsync(Path.Combine(cluster.LogFolder, "report.txt"), report.Lines);

        Assert.True(report.Violations.Count == 0, $"seed {seed}: " + string.Join("; ", report.Violations));
    }
}
