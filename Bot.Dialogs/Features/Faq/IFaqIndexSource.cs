namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>
/// Where the dialogs find the FAQ index to search. The host keeps it current (a knowledge base that staff edit):
/// it builds a new index off the request path and swaps it in, so reading <see cref="Current"/> never waits.
/// </summary>
public interface IFaqIndexSource
{
    /// <summary>The index of the knowledge as it stands now; never null (an empty index when there is no knowledge).</summary>
    FaqIndex Current { get; }
}
