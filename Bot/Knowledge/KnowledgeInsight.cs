using System.Globalization;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Routing;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// What the knowledge does for citizens, for whoever asks — the admin API (<c>GET /api/faq/unanswered</c>,
/// <c>POST /api/faq/explain</c>) and the console's knowledge pages alike: the questions the bot could not answer, and which
/// entry a question reaches and why.
/// </summary>
public sealed class KnowledgeInsight(IUnansweredStore store, CitizenRouter router, CitizenRecognizer recognizer, IFaqIndexSource faq,
    IOptions<KnowledgeOptions> options, TimeProvider time)
{
    /// <summary>The longest question <see cref="Explain"/> is given.</summary>
    public const int MaxQuestionLength = 500;

    private const int Candidates = 5;

    /// <summary>How many days of unanswered questions are kept (<see cref="KnowledgeOptions.UnansweredRetention"/>).</summary>
    public int RetentionDays => (int)options.Value.UnansweredRetention.TotalDays;

    /// <summary>
    /// The unanswered questions of the last <paramref name="days"/> days (China time, today included), grouped, most frequent
    /// first, at most <paramref name="limit"/> groups.
    /// </summary>
    public async Task<FaqUnansweredList> UnansweredAsync(int days, int limit, CancellationToken cancellationToken)
    {
        var to = ChinaTime.Day(time.GetUtcNow());
        var from = to.AddDays(1 - days);
        var (groups, questions) = UnansweredReport.Build(await store.ReadAsync(from, to, cancellationToken), limit);
        return new FaqUnansweredList(from, to, groups, questions);
    }

    /// <summary>
    /// Runs <paramref name="question"/> through the bot's own understanding and this replica's knowledge, answering no one and
    /// noting nothing: what answers each question of the message and why, and the entries closest to the whole.
    /// </summary>
    public FaqExplanation Explain(string question)
    {
        var index = faq.Current;
        var today = ChinaTime.Day(time.GetUtcNow());
        var routed = router.Route(question, today, null, index);
        var whole = recognizer.Recognize(question, today);
        var candidates = index.Rank(whole.Normalized, whole.Intent, whole.Business).Take(Candidates)
            .Select(match => new FaqCandidate(match.Entry.Id, Round(match.Score), Round(match.Relevance), match.MatchedTerms, match.OfIntent));
        return new FaqExplanation(whole.Normalized, index.Revision, [.. routed.Select(Explained)], [.. candidates]);
    }

    private static FaqExplainedQuestion Explained(RoutedQuestion question)
    {
        var match = question.Match;
        var kind = question.Kind.ToString();
        return new FaqExplainedQuestion(question.Text, char.ToLowerInvariant(kind[0]) + kind[1..], question.Target, question.Understood.Intent.ToString(),
            question.Understood.Business is { } business ? PostalNames.ToWire(business) : null,
            question.Kind == RouteKind.Faq ? match!.Entry.Answer : null, match is null ? null : Round(match.Score), match is null ? null : Round(match.Relevance),
            match?.MatchedTerms ?? [], match?.OfIntent ?? false, question.IsClear, question.FollowedUp, Why(question));
    }

    /// <summary>The reason, as the console shows it.</summary>
    private static string Why(RoutedQuestion question)
    {
        var understood = question.Understood;
        var intent = $"识别为意图“{IntentNames.ToChinese(understood.Intent)}”";
        var line = understood.Business is { } business ? $"{intent}，业务线 {PostalNames.ToChinese(business)}" : intent;
        var followed = question.FollowedUp ? "（按上一问的话题理解）" : "";
        var match = question.Match;
        var terms = match is null || match.MatchedTerms.Count == 0 ? "无" : string.Join("、", match.MatchedTerms);
        return question.Kind switch
        {
            RouteKind.Faq when match!.MatchedTerms.Count == 0 =>
                $"{line}{followed}；沿用上一问的条目 {match.Entry.Id}。",
            RouteKind.Faq => string.Create(CultureInfo.InvariantCulture,
                $"{line}{followed}；条目 {match.Entry.Id} {(match.OfIntent ? "属于该意图" : "凭得分入选")}，得分 {match.Score:0.00}，命中：{terms}{(match.IsStrong ? "。" : "；匹配较弱，计入未答问题。")}"),
            RouteKind.NoAnswer when match is not null => string.Create(CultureInfo.InvariantCulture,
                $"{line}；没有条目达到答复要求，最接近的是 {match.Entry.Id}（得分 {match.Score:0.00}，命中：{terms}），计入未答问题。"),
            RouteKind.NoAnswer => $"{line}；没有条目与之有共同的词，计入未答问题。",
            RouteKind.Lookup => $"{line}：查询记录（含编号时直接查，否则请用户发编号）。",
            RouteKind.Handoff => $"{line}：转人工客服（不在服务时间则给热线），计入未答问题。",
            _ => $"{line}。",
        };
    }

    private static double Round(double score) => Math.Round(score, 2);
}
