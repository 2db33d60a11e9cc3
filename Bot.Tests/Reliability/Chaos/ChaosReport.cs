namespace ChatPost.Bot.Tests.Reliability.Chaos;

/// <summary>What a chaos run found: report lines, and each invariant's violations outside and inside fault windows.</summary>
internal sealed class ChaosReport
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Invariants broken outside any fault window (none may be).</summary>
    public List<string> Violations { get; } = [];

    public void Line(string line) => _lines.Add(line);

    /// <summary>Records an invariant: <paramref name="outside"/> violations outside fault windows, <paramref name="inside"/> within them.</summary>
    public void Check(string invariant, int outside, int inside)
    {
        _lines.Add($"{(outside == 0 ? "OK  " : "FAIL")} {invariant}: {outside} violations{(inside > 0 ? $" (and {inside} inside fault windows, documented)" : "")}");
        if (outside > 0)
        {
            Violations.Add($"{invariant}: {outside}");
        }
    }
}
