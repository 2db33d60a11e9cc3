using ChatPost.Bot.Dialogs.Routing;

namespace ChatPost.Bench.Understanding;

/// <summary>
/// Runs the evaluation set through the router and scores it: a case is right (top-1) when what the bot answers is exactly
/// what it is labelled with — the one entry or intent, or both of two questions. A follow-up is routed after the message
/// before it, with the topic that one left.
/// </summary>
public sealed class Evaluation
{
    private Evaluation(IReadOnlyList<(EvaluationCase Case, IReadOnlyList<string> Got)> outcomes, IReadOnlyDictionary<string, string> groups)
    {
        Outcomes = outcomes;
        Groups = groups;
    }

    /// <summary>Every case and what the router answered, as labels (sorted).</summary>
    public IReadOnlyList<(EvaluationCase Case, IReadOnlyList<string> Got)> Outcomes { get; }

    /// <summary>The intent each label belongs to: an entry's intent (its <c>Intent</c>), or the intent label itself.</summary>
    public IReadOnlyDictionary<string, string> Groups { get; }

    /// <summary>The share of cases answered exactly as labelled.</summary>
    public double Accuracy => Outcomes.Count == 0 ? 0 : (double)Outcomes.Count(IsRight) / Outcomes.Count;

    /// <param name="router">The router under test.</param>
    /// <param name="cases">The labelled messages.</param>
    /// <param name="entryIntents">Each knowledge entry's id and intent name (for the per-intent table).</param>
    /// <param name="now">The moment the messages are sent; follow-ups come a minute after the message before.</param>
    public static Evaluation Run(CitizenRouter router, IReadOnlyList<EvaluationCase> cases, IReadOnlyDictionary<string, string?> entryIntents,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(entryIntents);
        var today = DateOnly.FromDateTime(now.DateTime);
        var outcomes = new List<(EvaluationCase, IReadOnlyList<string>)>();
        foreach (var item in cases)
        {
            ConversationTopic? topic = null;
            if (item.Previous is { } previous)
            {
                topic = CitizenRouter.Topic(router.Route(previous, today, null), now.AddMinutes(-1));
            }

            var answered = router.Route(item.Text, today, topic);
            outcomes.Add((item, [.. answered.Select(question => question.Target).Distinct().Order(StringComparer.Ordinal)]));
        }

        var groups = cases.SelectMany(item => item.Labels).Concat(outcomes.SelectMany(outcome => outcome.Item2)).Distinct()
            .ToDictionary(label => label, label => entryIntents.TryGetValue(label, out var intent) ? intent ?? "Other" : label, StringComparer.Ordinal);
        return new Evaluation(outcomes, groups);
    }

    public static bool IsRight((EvaluationCase Case, IReadOnlyList<string> Got) outcome) => outcome.Case.Labels.SequenceEqual(outcome.Got);

    /// <summary>Top-1 accuracy by a key of each case (its label, its intents, its kind): right, total, share.</summary>
    public IReadOnlyList<(string Key, int Right, int Total)> By(Func<EvaluationCase, IEnumerable<string>> keys) =>
        [.. Outcomes.SelectMany(outcome => keys(outcome.Case).Distinct().Select(key => (Key: key, Right: IsRight(outcome))))
            .GroupBy(pair => pair.Key)
            .Select(group => (group.Key, group.Count(pair => pair.Right), group.Count()))
            .OrderBy(row => row.Key, StringComparer.Ordinal)];

    /// <summary>Accuracy per intent: each case counts for the intents of its labels.</summary>
    public IReadOnlyList<(string Key, int Right, int Total)> ByIntent() => By(item => item.Labels.Select(label => Groups[label]));

    /// <summary>How often each expected intent was answered as each other one, over the cases answered wrong.</summary>
    public IReadOnlyList<(string Expected, string Got, int Count)> Confusions() =>
        [.. Outcomes.Where(outcome => !IsRight(outcome))
            .Select(outcome => (Expected: string.Join('+', outcome.Case.Labels.Select(label => Groups[label])), Got: Describe(outcome.Got)))
            .GroupBy(pair => pair)
            .Select(group => (group.Key.Expected, group.Key.Got, group.Count()))
            .OrderByDescending(row => row.Item3).ThenBy(row => row.Expected, StringComparer.Ordinal)];

    private string Describe(IReadOnlyList<string> got) => got.Count == 0 ? "(nothing)" : string.Join('+', got.Select(label => Groups[label]));
}
