using System.Text.Json.Serialization;

namespace ChatPost.Bot.Knowledge;

/// <summary><c>POST /api/faq/explain</c>: a question as a citizen would send it. 要解释的问题（按市民发送的原样）。</summary>
/// <param name="Question">The message, 1 to 500 characters. 消息内容，1 至 500 字。</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaqExplainBody(string? Question);

/// <summary>
/// Which answers a question reaches, and why: what the bot would answer on this replica now, question by question, and the
/// entries that came closest. 该问题会得到哪些回答及原因：逐个问题说明本副本此刻的回答，并列出最接近的条目。
/// </summary>
/// <param name="Question">The message as the bot reads it (Simplified script, half-width). 机器人读到的消息（简体、半角）。</param>
/// <param name="Revision">The knowledge's revision the answer comes from. 所依据的知识库修订号。</param>
/// <param name="Answers">Each question of the message and what answers it, in the order answered. 消息中的每个问题及其回答。</param>
/// <param name="Candidates">The entries closest to the whole message, best first (at most 5). 与整条消息最接近的条目（最多 5 条）。</param>
public sealed record FaqExplanation(string Question, long Revision, IReadOnlyList<FaqExplainedQuestion> Answers, IReadOnlyList<FaqCandidate> Candidates);

/// <summary>One question of the message and what answers it. 消息中的一个问题及其回答。</summary>
/// <param name="Text">The question. 问题。</param>
/// <param name="Kind">
/// How it is answered: <c>faq</c>, <c>lookup</c>, <c>handoff</c>, <c>greeting</c>, <c>thanks</c>, <c>watches</c>, <c>menu</c>, <c>noAnswer</c>.
/// 回答方式：知识条目、查询、转人工、问候、致谢、提醒、菜单、无法回答。
/// </param>
/// <param name="Target">What it reaches: the entry's id, or the kind of answer (<c>track</c>, <c>invoice_status</c>, <c>none</c>…). 命中的条目编号或回答类别。</param>
/// <param name="Intent">The intent recognised (with what a follow-up took from the question before). 识别出的意图。</param>
/// <param name="Business">The business line named or taken from the question before; null when none. 业务线。</param>
/// <param name="Answer">The entry's answer, for <c>faq</c>. 条目的回答。</param>
/// <param name="Score">The entry's score: its relevance weighed by intent and business line; for <c>noAnswer</c>, the nearest entry's. 条目得分。</param>
/// <param name="Relevance">The entry's BM25 relevance to the question's words alone. 仅按词语计算的相关度。</param>
/// <param name="MatchedTerms">The question's terms found in the entry's paraphrases and keywords. 命中的词。</param>
/// <param name="OfIntent">True when the entry is filed under the recognised intent. 条目是否属于识别出的意图。</param>
/// <param name="Strong">True when the bot trusts it enough to answer while waiting for a number; false for a weak match (counted as unanswered). 是否为可靠匹配。</param>
/// <param name="FollowedUp">True when it was read as a follow-up of the question before. 是否按上一问的话题理解。</param>
/// <param name="Why">The reason in one sentence, for people. 一句话说明原因。</param>
public sealed record FaqExplainedQuestion(string Text, string Kind, string Target, string Intent, string? Business, string? Answer, double? Score,
    double? Relevance, IReadOnlyList<string> MatchedTerms, bool OfIntent, bool Strong, bool FollowedUp, string Why);

/// <summary>An entry close to the question. 与问题接近的条目。</summary>
/// <param name="EntryId">The entry. 条目编号。</param>
/// <param name="Score">Its score. 得分。</param>
/// <param name="Relevance">Its relevance to the words alone. 相关度。</param>
/// <param name="MatchedTerms">The terms it shares with the question. 共同的词。</param>
/// <param name="OfIntent">True when it is filed under the recognised intent. 是否属于识别出的意图。</param>
public sealed record FaqCandidate(string EntryId, double Score, double Relevance, IReadOnlyList<string> MatchedTerms, bool OfIntent);
