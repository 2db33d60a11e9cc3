using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>
/// The FAQ. Section <c>Faq</c>, kept in <c>config/faq.json</c>: how a match is scored, and the entries a new
/// knowledge base starts from (the host seeds its store with them once; after that the store is the knowledge).
/// </summary>
public sealed class FaqOptions
{
    public const string SectionName = "Faq";

    /// <summary>The entries a new knowledge base is seeded with. Empty: every question that is not a lookup gets the menu.</summary>
    public IList<FaqEntry> Entries { get; init; } = [];

    /// <summary>
    /// The BM25 score a match needs when the recogniser found no FAQ intent; below it the menu is shown.
    /// Default 2.0; 0 to 100.
    /// </summary>
    [Range(0.0, 100.0)]
    public double MinimumScore { get; set; } = 2.0;

    /// <summary>
    /// The score (on two terms or more) of a match the bot trusts enough to answer while it waits for something else, and
    /// below which an answer counts as weak (and the question is kept among the unanswered ones). Default 4.0; 0 to 100.
    /// </summary>
    [Range(0.0, 100.0)]
    public double StrongScore { get; set; } = 4.0;
}
