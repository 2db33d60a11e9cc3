namespace ChatPost.Bot.Dialogs.Features.Unanswered;

/// <summary>Why the bot counts a question among those it could not answer.</summary>
public enum UnansweredReason
{
    /// <summary>Nothing in the knowledge matched it.</summary>
    NoMatch,

    /// <summary>An entry answered, but on a weak match (below <c>Faq:StrongScore</c>).</summary>
    Weak,

    /// <summary>It ended with a person (转人工, a complaint).</summary>
    Handoff,
}

/// <summary>
/// One question the bot could not answer well, with everything personal already removed (<see cref="Privacy.AnonymousQuestion"/>).
/// </summary>
/// <param name="Question">The question without numbers, names, IDs or the OpenID; never the raw message.</param>
/// <param name="Day">The day it was asked (China time).</param>
/// <param name="Reason">Why it counts.</param>
/// <param name="EntryId">The entry the bot chose or came closest to; null when none shared a term with it.</param>
/// <param name="Score">That entry's score; 0 without one.</param>
public sealed record UnansweredQuestion(string Question, DateOnly Day, UnansweredReason Reason, string? EntryId, double Score);
