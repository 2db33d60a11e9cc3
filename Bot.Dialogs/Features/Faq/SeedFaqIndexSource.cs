using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>
/// The entries of section <c>Faq</c> as they are, for a host without a knowledge base of its own (tests, benchmarks).
/// </summary>
public sealed class SeedFaqIndexSource(IOptions<FaqOptions> options, TextSegmenter segmenter) : IFaqIndexSource
{
    /// <inheritdoc/>
    public FaqIndex Current { get; } = new(options.Value.Entries, options.Value, segmenter);
}
