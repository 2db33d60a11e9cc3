using System.ComponentModel;
using ChatPost.Bot.ApiDocs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatPost.Bot.Knowledge;

/// <summary>What the knowledge does for citizens (<see cref="KnowledgeInsight"/>, which the console's knowledge pages call too): the questions it
/// could not answer, and why a question reaches what it reaches.</summary>
public static partial class KnowledgeEndpoints
{
    private const int DefaultDays = 30;
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1_000;

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
        KnowledgeInsight insight, CancellationToken cancellationToken)
    {
        var kept = insight.RetentionDays;
        var (span, top) = (days ?? Math.Min(DefaultDays, kept), limit ?? DefaultLimit);
        if (span < 1 || span > kept || top is < 1 or > MaxLimit)
        {
            return ValidationProblem(new()
            {
                [span < 1 || span > kept ? "days" : "limit"] = [span < 1 || span > kept ? $"days: 1 to {kept}." : $"limit: 1 to {MaxLimit}."],
            });
        }

        return TypedResults.Ok(await insight.UnansweredAsync(span, top, cancellationToken));
    }

    private static Results<Ok<FaqExplanation>, ProblemHttpResult> Explain(FaqExplainBody body, KnowledgeInsight insight)
    {
        var question = body.Question?.Trim() ?? "";
        return question.Length is 0 or > KnowledgeInsight.MaxQuestionLength
            ? ValidationProblem(new() { ["question"] = [$"question: 1 to {KnowledgeInsight.MaxQuestionLength} characters."] })
            : TypedResults.Ok(insight.Explain(question));
    }
}
