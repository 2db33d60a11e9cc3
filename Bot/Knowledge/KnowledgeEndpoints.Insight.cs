using System.ComponentModel;
using System.Globalization;
using ChatPost.Bot.ApiDocs;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Routing;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Knowledge;

/// <summary>What the knowledge does for citizens: the questions it could not answer, and why a question reaches what it reaches.</summary>
public static partial class KnowledgeEndpoints
{
    /// <summary>The longest question <c>POST /api/faq/explain</c> reads.</summary>
    public const int MaxExplainedLength = 500;

    private const int DefaultDays = 30;
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1_000;
    private const int Candidates = 5;

    private static void MapInsight(RouteGroupBuilder faq)
    {
        faq.MapGet("/faq/unanswered", UnansweredAsync)
            .WithSummary("What the bot could not answer 未答好的问题")
            .WithDescription("""
                Questions that matched nothing, matched weakly or ended with a person, over the last `days` days (China time), without
                anything personal (numbers and codes are `#`, names `某`), grouped when they are the same question in other words, most
                frequent first, with the entry the bot chose or came closest to and its score. Kept `Knowledge:UnansweredRetention` (90 days).
                最近 `days` 天内无匹配、匹配较弱或转人工的问题（已去除个人信息：数字和编号为 `#`，姓名为 `某`），同一问题的不同说法归为一组，
                按次数从多到少，附机器人选中或最接近的条目及得分。保留 `Knowledge:UnansweredRetention`（90 天）。
                """)
            .Returns<FaqUnansweredList>(StatusCodes.Status200OK, "The groups. 问题分组。")
            .ReturnsProblem(StatusCodes.Status400BadRequest, "`days` or `limit` out of range. `days` 或 `limit` 超出范围。")
            .ReturnsProblem(StatusCodes.Status503ServiceUnavailable, Unavailable)
            .WithExamples(KnowledgeExamples.Unanswered);
        faq.MapPost("/faq/explain", Explain)
            .WithSummary("Which entry a question reaches, and why 问题命中哪个条目及原因")
            .WithDescription("""
                Runs the question through the bot's own understanding and knowledge on this replica, without answering anyone or
                noting anything: each question of the message, what answers it and why (intent, business line, score, the words
                matched), and the entries that came closest.
                用机器人自己的理解和本副本的知识库分析问题，不回复任何人、不做记录：逐个问题说明由什么回答及原因（意图、业务线、得分、
                命中的词），并列出最接近的条目。
                """)
            .Returns<FaqExplanation>(StatusCodes.Status200OK, "The explanation. 解释。")
            .ReturnsProblem(StatusCodes.Status400BadRequest, "No question, or a longer one than 500 characters. 缺少问题或超过 500 字。")
            .WithExamples(KnowledgeExamples.Explain);
    }

    private static async Task<Results<Ok<FaqUnansweredList>, ProblemHttpResult>> UnansweredAsync(
        [Description("Days back from today, 1 to the retention (default 30). 从今天往前的天数，1 至保留天数（默认 30）。")] int? days,
        [Description("The most groups listed, 1 to 1000 (default 100). 最多列出的组数，1 至 1000（默认 100）。")] int? limit,
        IUnansweredStore store, IOptions<KnowledgeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var kept = (int)options.Value.UnansweredRetention.TotalDays;
        var (span, top) = (days ?? Math.Min(DefaultDays, kept), limit ?? DefaultLimit);
        if (span < 1 || span > kept || top is < 1 or > MaxLimit)
        {
            return ValidationProblem(new()
            {
                [span < 1 || span > kept ? "days" : "limit"] = [span < 1 || span > kept ? $"days: 1 to {kept}." : $"limit: 1 to {MaxLimit}."],
            });
        }

        var to = ChinaTime.Day(time.GetUtcNow());
        var from = to.AddDays(1 - span);
        var (groups, questions) = UnansweredReport.Build(await store.ReadAsync(from, to, cancellationToken), top);
        return TypedResults.Ok(new FaqUnansweredList(from, to, groups, questions));
    }

    private static Results<Ok<FaqExplanation>, ProblemHttpResult> Explain(FaqExplainBody body, CitizenRouter router, CitizenRecognizer recognizer,
        IFaqIndexSource faq, TimeProvider time)
    {
        var question = body.Question?.Trim() ?? "";
        if (question.Length is 0 or > MaxExplainedLength)
        {
            return ValidationProblem(new() { ["question"] = [$"question: 1 to {MaxExplainedLength} characters."] });
        }

        var index = faq.Current;
        var today = ChinaTime.Day(time.GetUtcNow());
        var routed = router.Route(question, today, null, index);
        var whole = recognizer.Recognize(question, today);
        var candidates = index.Rank(whole.Normalized, whole.Intent, whole.Business).Take(Candidates)
            .Select(match => new FaqCandidate(match.Entry.Id, Round(match.Score), Round(match.Relevance), match.MatchedTerms, match.OfIntent));
        return TypedResults.Ok(new FaqExplanation(whole.Normalized, index.Revision, [.. routed.Select(Explained)], [.. candidates]));
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
        var line = understood.Business is { } business ? $"识别为意图 {understood.Intent}，业务线 {PostalNames.ToChinese(business)}" : $"识别为意图 {understood.Intent}";
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
