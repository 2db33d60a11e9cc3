using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Dialogs.Routing;

/// <summary>
/// What the citizen asked last, kept in ConversationState so that a follow-up (那驾驶证呢, 要多久, 周末呢) is read in its
/// light. It lapses after <see cref="Lifetime"/>.
/// </summary>
/// <param name="Intent">The intent of the last question answered.</param>
/// <param name="Business">Its business line; null when none was named or inferred.</param>
/// <param name="EntryId">The knowledge entry that answered it; null when none did.</param>
/// <param name="At">When it was answered.</param>
public sealed record ConversationTopic(Intent Intent, Business? Business, string? EntryId, DateTimeOffset At)
{
    /// <summary>How long a topic carries over to the next message.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>True while the topic still carries over at <paramref name="now"/>.</summary>
    public bool IsCurrent(DateTimeOffset now) => now - At <= Lifetime;
}
