namespace ChatPost.Bot.Knowledge;

/// <summary>
/// <c>GET /api/faq/unanswered</c>: what citizens asked that the bot could not answer well, grouped when it is the same question
/// in other words, most frequent first. 机器人未能答好的问题（同一问题的不同说法归为一组），按次数从多到少。
/// </summary>
/// <param name="From">The first day counted (China time). 统计起始日。</param>
/// <param name="To">The last day counted (today). 统计截止日（今天）。</param>
/// <param name="Groups">How many groups there are in all (the list shows at most <c>limit</c>). 分组总数（列表最多显示 limit 组）。</param>
/// <param name="Questions">The groups, most frequent first. 各组问题，按次数从多到少。</param>
public sealed record FaqUnansweredList(DateOnly From, DateOnly To, int Groups, IReadOnlyList<UnansweredGroup> Questions);

/// <summary>One question, in all the words it was asked in. 一个问题及其各种说法。</summary>
/// <param name="Question">Its most frequent wording, anonymous (numbers and codes are <c>#</c>, names <c>某</c>). 最常见的说法（已去除个人信息）。</param>
/// <param name="Count">How often it was asked in any wording. 各种说法合计次数。</param>
/// <param name="FirstDay">The first day it was asked. 首次出现日期。</param>
/// <param name="LastDay">The last day it was asked. 最近出现日期。</param>
/// <param name="Reason">Why it counts: <c>no-match</c> (nothing matched), <c>weak</c> (answered on a weak match), <c>handoff</c> (ended with a person). 原因：无匹配、匹配较弱、转人工。</param>
/// <param name="EntryId">The entry the bot chose or came closest to, for the most frequent wording; null when none. 机器人选中或最接近的条目。</param>
/// <param name="Score">That entry's score. 该条目的得分。</param>
/// <param name="Wordings">Every wording and its count, most frequent first. 各种说法及次数。</param>
public sealed record UnansweredGroup(string Question, long Count, DateOnly FirstDay, DateOnly LastDay, string Reason, string? EntryId, double Score,
    IReadOnlyList<UnansweredWording> Wordings);

/// <summary>One wording of a question and how often it was asked. 一种说法及其次数。</summary>
/// <param name="Question">The wording, anonymous. 说法（已去除个人信息）。</param>
/// <param name="Count">How often. 次数。</param>
public sealed record UnansweredWording(string Question, long Count);
