namespace ChatPost.Bench.Understanding;

/// <summary>One labelled message of the evaluation set.</summary>
/// <param name="Labels">What it must reach: knowledge entry ids or intent labels (two for two questions), sorted.</param>
/// <param name="Text">The message.</param>
/// <param name="Previous">The message before it, for a follow-up; null otherwise.</param>
/// <param name="Line">Its line in the file, for reports.</param>
public sealed record EvaluationCase(IReadOnlyList<string> Labels, string Text, string? Previous, int Line)
{
    /// <summary>The labels that are not knowledge entries.</summary>
    public static readonly IReadOnlySet<string> IntentLabels = new HashSet<string>(StringComparer.Ordinal)
    {
        "track", "invoice_status", "handoff", "greeting", "thanks", "watch", "unwatch", "list_watches", "menu", "none",
    };

    /// <summary>The labels as one, the way the reports name them (<c>a+b</c>).</summary>
    public string Label => string.Join('+', Labels);

    /// <summary>What kind of case it is: <c>single</c>, <c>two questions</c> or <c>follow-up</c>.</summary>
    public string Kind => Previous is not null ? "follow-up" : Labels.Count > 1 ? "two questions" : "single";

    /// <summary>
    /// The cases of an evaluation file: label, tab, message, and for a follow-up a tab and the message before it; blank
    /// lines and lines starting with # are skipped.
    /// </summary>
    public static IReadOnlyList<EvaluationCase> Load(string path)
    {
        var cases = new List<EvaluationCase>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length is < 2 or > 3 || parts[1].Length == 0)
            {
                throw new FormatException($"{path}:{number}: expected label<TAB>message[<TAB>previous message]");
            }

            cases.Add(new EvaluationCase([.. parts[0].Split('+').Order(StringComparer.Ordinal)], parts[1], parts.Length == 3 ? parts[2] : null, number));
        }

        return cases;
    }
}
