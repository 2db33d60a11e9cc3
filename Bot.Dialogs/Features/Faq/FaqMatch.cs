namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>How well one entry matches a question, and why.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Score">What the entries are ranked by: <see cref="Relevance"/> weighed by the recognised intent and business line.</param>
/// <param name="Relevance">Its BM25 score for the question's terms alone; 0 when they share no term.</param>
/// <param name="MatchedTerms">The terms of the question found in the entry's questions and keywords, in the question's order.</param>
/// <param name="OfIntent">True when the entry is filed under the intent the recogniser found (one answered from the FAQ).</param>
/// <param name="IsStrong">
/// True when the match is reliable enough to answer even while the bot waits for something else (a tracking number): an
/// entry of the recognised intent, or a score of at least <see cref="FaqOptions.StrongScore"/> on two terms or more.
/// </param>
public sealed record FaqMatch(FaqEntry Entry, double Score, double Relevance, IReadOnlyList<string> MatchedTerms, bool OfIntent, bool IsStrong);
