namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>How well one entry matches a question.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Score">Its BM25 score for the question; 0 when they share no term.</param>
/// <param name="MatchedTerms">The terms of the question found in the entry's questions and keywords, in the question's order.</param>
/// <param name="OfIntent">True when the entry is filed under the intent the recogniser found.</param>
public sealed record FaqMatch(FaqEntry Entry, double Score, IReadOnlyList<string> MatchedTerms, bool OfIntent);
