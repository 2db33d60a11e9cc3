using ChatPost.Bot.Dialogs.Features.Unanswered;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// Turns the stored day counts into the list staff read: each wording's counts added up over the days, and the wordings
/// of one question in other words grouped (their character pairs overlap by <see cref="SameQuestion"/> or more, Dice's
/// coefficient, as the FAQ index cuts text into character pairs too), most frequent first.
/// </summary>
public static class UnansweredReport
{
    /// <summary>Dice's coefficient of two wordings' character pairs from which they are one question.</summary>
    public const double SameQuestion = 0.6;

    /// <summary>The most distinct wordings grouped per read, the most frequent ones; the rest are rare by construction.</summary>
    public const int MaxWordings = 2_000;

    // Particles that change nothing of the question (each character on its own), and the mark of a removed number.
    private const string Filler = "#啊呀吧呢吗嘛哦嗯了的呐哈";

    /// <summary>The groups of <paramref name="counts"/>, most frequent first, at most <paramref name="limit"/>, and how many there are.</summary>
    public static (int Groups, IReadOnlyList<UnansweredGroup> Top) Build(IReadOnlyList<UnansweredCount> counts, int limit)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var wordings = counts.GroupBy(count => count.Question, StringComparer.Ordinal)
            .Select(wording => new Wording(wording.Key, wording.Sum(count => count.Count), wording.Min(count => count.Day), wording.Max(count => count.Day),
                wording.MaxBy(count => count.Day)!.Last, Pairs(wording.Key)))
            .OrderByDescending(wording => wording.Count).ThenBy(wording => wording.Question, StringComparer.Ordinal)
            .Take(MaxWordings);
        var groups = new List<List<Wording>>();
        foreach (var wording in wordings)
        {
            var group = groups.Find(candidate => Dice(candidate[0].Pairs, wording.Pairs) >= SameQuestion);
            if (group is null)
            {
                groups.Add([wording]);
            }
            else
            {
                group.Add(wording);
            }
        }

        return (groups.Count, [.. groups.Select(ToGroup).OrderByDescending(group => group.Count).ThenBy(group => group.Question, StringComparer.Ordinal).Take(limit)]);
    }

    /// <summary>The wire name of a reason.</summary>
    public static string WireName(UnansweredReason reason) => reason switch
    {
        UnansweredReason.Weak => "weak",
        UnansweredReason.Handoff => "handoff",
        _ => "no-match",
    };

    private static UnansweredGroup ToGroup(List<Wording> group)
    {
        var first = group[0];
        return new UnansweredGroup(first.Question, group.Sum(wording => wording.Count), group.Min(wording => wording.FirstDay),
            group.Max(wording => wording.LastDay), WireName(first.Last.Reason), first.Last.EntryId, Math.Round(first.Last.Score, 2),
            [.. group.Select(wording => new UnansweredWording(wording.Question, wording.Count))]);
    }

    private static HashSet<int> Pairs(string question)
    {
        var letters = question.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !Filler.Contains(c)).ToArray();
        var pairs = new HashSet<int>();
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            pairs.Add((letters[i] << 16) | letters[i + 1]);
        }

        if (letters.Length == 1)
        {
            pairs.Add(letters[0]);
        }

        return pairs;
    }

    private static double Dice(HashSet<int> left, HashSet<int> right) =>
        left.Count + right.Count == 0 ? 1 : 2.0 * left.Count(right.Contains) / (left.Count + right.Count);

    private sealed record Wording(string Question, long Count, DateOnly FirstDay, DateOnly LastDay, UnansweredQuestion Last, HashSet<int> Pairs);
}
