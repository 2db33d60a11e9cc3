using System.Globalization;

namespace ChatPost.Bench.Understanding;

/// <summary>Prints the evaluation's tables as Markdown, so that BENCHMARKS.md can quote them as they are.</summary>
internal static class Report
{
    public static void Table(string title, IReadOnlyList<(string Key, int Right, int Total)> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine();
        Console.WriteLine("| | top-1 | right / messages |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (key, right, total) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {(double)right / total:P1} | {right} / {total} |"));
        }
    }

    public static void Confusions(IReadOnlyList<(string Expected, string Got, int Count)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("## Confusions (intent expected → intent answered, over the messages answered wrong)");
        Console.WriteLine();
        Console.WriteLine("| expected | answered | messages |");
        Console.WriteLine("|---|---|---:|");
        foreach (var (expected, got, count) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {expected} | {got} | {count} |"));
        }
    }

    public static void Misses(Evaluation evaluation)
    {
        Console.WriteLine();
        Console.WriteLine("## Messages answered wrong");
        Console.WriteLine();
        foreach (var (item, got) in evaluation.Outcomes.Where(outcome => !Evaluation.IsRight(outcome)))
        {
            Console.WriteLine($"- line {item.Line}: {item.Text}{(item.Previous is null ? "" : $" (after {item.Previous})")} — expected {item.Label}, answered {string.Join('+', got)}");
        }
    }
}
