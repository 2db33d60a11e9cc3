using System.Buffers;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>
/// Finds the FAQ entry that answers a question: Okapi BM25 over the segmented questions and keywords of every
/// enabled entry, preferring the entries of the recognised intent. Immutable and thread-safe: a change to the
/// knowledge builds a new index; searching allocates only the query's tokens.
/// </summary>
public sealed class FaqIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Without a recognised intent, a match must share at least this many distinct terms with the question.</summary>
    private const int MinimumSharedTerms = 2;

    private const double IntentWeight = 1.5;
    private const double BusinessMatchWeight = 1.5;
    private const double BusinessMismatchWeight = 0.4;
    private const double UnnamedBusinessWeight = 0.8;

    // Question words that every FAQ entry could contain: matching them says nothing about the topic.
    private static readonly HashSet<string> StopTerms = new(StringComparer.Ordinal)
    {
        "怎么", "么样", "什么", "么时", "时候", "可以", "我们", "你们", "们的", "一下", "请问", "问一", "是不", "不是", "在哪", "哪里", "哪儿", "有没", "能不", "么办", "现在",
    };

    // A term with a particle or 怎 (寄吗, 家吗, 来的, 票怎) is the frame of a sentence, not its topic: 课本送到家吗 is about 到家.
    private static readonly SearchValues<char> Particles = SearchValues.Create("吗呢吧啊嘛呀怎的");

    private readonly TextSegmenter _segmenter;
    private readonly FaqEntry[] _entries;
    private readonly Dictionary<string, double>[] _termFrequencies;
    private readonly double[] _lengths;
    private readonly Dictionary<string, double> _idf;
    private readonly double _averageLength;
    private readonly double _minimumScore;
    private readonly double _strongScore;

    /// <summary>Indexes the enabled <paramref name="entries"/>.</summary>
    /// <param name="entries">The knowledge; disabled entries are left out.</param>
    /// <param name="options">The scoring settings (the entries of the options are not read).</param>
    /// <param name="segmenter">Cuts questions into terms.</param>
    /// <param name="revision">Which revision of the knowledge this is (the host's counter); 0 for knowledge that is not versioned.</param>
    public FaqIndex(IEnumerable<FaqEntry> entries, FaqOptions options, TextSegmenter segmenter, long revision = 0)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(segmenter);
        _segmenter = segmenter;
        _minimumScore = options.MinimumScore;
        _strongScore = options.StrongScore;
        Revision = revision;
        _entries = [.. entries.Where(entry => entry.Enabled)];
        _termFrequencies = new Dictionary<string, double>[_entries.Length];
        _lengths = new double[_entries.Length];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _entries.Length; i++)
        {
            var tokens = Tokens(string.Join('\n', _entries[i].Questions.Concat(_entries[i].Keywords)));
            _lengths[i] = tokens.Count;
            _termFrequencies[i] = tokens.GroupBy(token => token, StringComparer.Ordinal).ToDictionary(group => group.Key, group => (double)group.Count(), StringComparer.Ordinal);
            foreach (var term in _termFrequencies[i].Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        _averageLength = _entries.Length == 0 ? 1 : Math.Max(1, _lengths.Average());
        _idf = documentFrequency.ToDictionary(pair => pair.Key,
            pair => Math.Log(1 + ((_entries.Length - pair.Value + 0.5) / (pair.Value + 0.5))), StringComparer.Ordinal);
    }

    /// <summary>The revision of the knowledge this index was built from.</summary>
    public long Revision { get; }

    /// <summary>The entries it answers with (the enabled ones), in the order given.</summary>
    public IReadOnlyList<FaqEntry> Entries => _entries;

    /// <summary>
    /// The best entry for <paramref name="question"/>. With a recognised <paramref name="intent"/> that the FAQ answers and
    /// that has entries sharing a term with the question, the best of those; otherwise (and for <see cref="Intent.Other"/>)
    /// the best overall if it reaches <see cref="FaqOptions.MinimumScore"/> on two terms or more; else null. The business line
    /// named (<paramref name="business"/>) weighs entries of that line up and entries of another line down.
    /// </summary>
    public FaqMatch? Find(string question, Intent intent, Business? business = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var ranked = Rank(question, intent, business);
        // Within an intent that spans the lines (Postage, DeliveryTime), the line named picks the entry, however the words fall.
        var line = business is { } named ? PostalNames.ToWire(named) : null;
        var bestOfIntent = ranked.FirstOrDefault(match => match.OfIntent && line is not null && match.Entry.Business == line)
            ?? ranked.FirstOrDefault(match => match.OfIntent);
        var best = ranked.FirstOrDefault(match => match.MatchedTerms.Count >= MinimumSharedTerms);
        return bestOfIntent ?? (best is not null && best.Score >= _minimumScore ? best : null) ?? SoleEntryOf(intent);
    }

    /// <summary>
    /// The one entry filed under <paramref name="intent"/>, when only one is: a redirect (SendParcel, PostOffice) is named by the
    /// recogniser, so "我想寄点口罩给亲戚" reaches send-parcel though it shares no word with it. Null for Other and for an intent of several entries.
    /// </summary>
    private FaqMatch? SoleEntryOf(Intent intent)
    {
        var name = intent.ToString();
        var filed = intent == Intent.Other ? [] : _entries.Where(entry => string.Equals(entry.Intent, name, StringComparison.Ordinal)).Take(2).ToArray();
        return filed is [var sole] ? new FaqMatch(sole, 0, 0, [], OfIntent: true, IsStrong: true) : null;
    }

    /// <summary>Every entry that shares a term with <paramref name="question"/>, best first: what <see cref="Find"/> chooses from.</summary>
    public IReadOnlyList<FaqMatch> Rank(string question, Intent intent, Business? business = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var query = Tokens(question);
        // Other says nothing was recognised: the entries filed under it must earn their place by score like any other.
        var intentName = intent == Intent.Other ? null : intent.ToString();
        var businessName = business is { } named ? PostalNames.ToWire(named) : null;
        var matches = new List<FaqMatch>();
        for (var i = 0; i < _entries.Length; i++)
        {
            var (relevance, matched) = Score(query, i);
            if (relevance <= 0)
            {
                continue;
            }

            var entry = _entries[i];
            var ofIntent = string.Equals(entry.Intent, intentName, StringComparison.Ordinal);
            var score = relevance * (ofIntent ? IntentWeight : 1) * BusinessWeight(entry.Business, businessName);
            matches.Add(new FaqMatch(entry, score, relevance, matched, ofIntent,
                ofIntent || (score >= _strongScore && matched.Count >= MinimumSharedTerms)));
        }

        return [.. matches.OrderByDescending(match => match.Score)];
    }

    /// <summary>
    /// An entry of the line named counts more, one of another line less; without a line named, an entry of one line counts a
    /// little less than one of none ("到时候我不在家怎么办" is not-home, not the invoice's who-may-sign).
    /// </summary>
    private static double BusinessWeight(string? entryBusiness, string? named) =>
        entryBusiness is null ? 1
        : named is null ? UnnamedBusinessWeight
        : string.Equals(entryBusiness, named, StringComparison.Ordinal) ? BusinessMatchWeight : BusinessMismatchWeight;

    private (double Score, List<string> Matched) Score(List<string> query, int entry)
    {
        var frequencies = _termFrequencies[entry];
        var norm = K1 * (1 - B + (B * _lengths[entry] / _averageLength));
        var score = 0.0;
        var matched = new List<string>();
        foreach (var term in query)
        {
            if (frequencies.TryGetValue(term, out var frequency))
            {
                score += _idf[term] * frequency * (K1 + 1) / (frequency + norm);
                matched.Add(term);
            }
        }

        return (score, matched);
    }

    private List<string> Tokens(string text) =>
        [.. _segmenter.Segment(ChineseScript.ToSimplified(text)).Where(term => !StopTerms.Contains(term) && term.AsSpan().IndexOfAny(Particles) < 0)
        .Distinct(StringComparer.Ordinal)];
}
