namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>
/// One entry of the knowledge base: the ways citizens ask a question and its answer. Immutable: a change is a new
/// entry (and, in the host's store, a new version).
/// </summary>
public sealed record FaqEntry
{
    /// <summary>A stable id: lower-case letters, digits and dashes (<c>invoice-postage-free</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>
    /// The intent this entry answers (an <see cref="Understanding.Intent"/> name such as <c>Postage</c>); null for none.
    /// When the recogniser finds that intent, the entries filed under it are preferred.
    /// </summary>
    public string? Intent { get; init; }

    /// <summary>The business line it is about, as its wire name (<c>license</c>, <c>invoice</c>, <c>textbook</c>,
    /// <c>study-material</c>, <c>other</c>); null when it is about none in particular.</summary>
    public string? Business { get; init; }

    /// <summary>Ways citizens ask it (paraphrases): what the search matches a message against.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Extra words that point to it.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The answer, as the user reads it.</summary>
    public string Answer { get; init; } = "";

    /// <summary>False: kept (with its history) but never answered. Default true.</summary>
    public bool Enabled { get; init; } = true;
}
