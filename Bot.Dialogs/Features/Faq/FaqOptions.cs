using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>The FAQ knowledge base. Section <c>Faq</c>, kept in <c>config/faq.json</c>.</summary>
public sealed class FaqOptions
{
    public const string SectionName = "Faq";

    /// <summary>The entries. Empty: every question that is not a lookup gets the menu.</summary>
    public IList<FaqEntry> Entries { get; init; } = [];

    /// <summary>
    /// The BM25 score a match needs when the recogniser found no FAQ intent; below it the menu is shown.
    /// Default 2.0; 0 to 100.
    /// </summary>
    [Range(0.0, 100.0)]
    public double MinimumScore { get; set; } = 2.0;
}

/// <summary>One question and its answer.</summary>
public sealed class FaqEntry
{
    /// <summary>A stable id, for logs and tests.</summary>
    [Required]
    public string Id { get; set; } = "";

    /// <summary>The intent this entry answers (an <c>Intent</c> name such as <c>Postage</c>), if any: it is preferred when that intent is recognised.</summary>
    public string? Intent { get; set; }

    /// <summary>Ways citizens ask it.</summary>
    public IList<string> Questions { get; init; } = [];

    /// <summary>Extra words that point to it.</summary>
    public IList<string> Keywords { get; init; } = [];

    /// <summary>The answer, as the user reads it.</summary>
    [Required]
    public string Answer { get; set; } = "";
}
