namespace ChatPost.Bot.Dialogs.Features.Unanswered;

/// <summary>
/// Where the bot notes the questions it could not answer well, for the staff who keep the knowledge. Never on the turn's
/// path: <see cref="Record"/> hands the question over and returns; the host stores it in the background.
/// </summary>
public interface IUnansweredQuestions
{
    /// <summary>Notes <paramref name="question"/> (already anonymous); never blocks and never throws.</summary>
    void Record(UnansweredQuestion question);
}

/// <summary>For a host that keeps no such list: notes nothing.</summary>
public sealed class NoUnansweredQuestions : IUnansweredQuestions
{
    /// <inheritdoc/>
    public void Record(UnansweredQuestion question)
    {
    }
}
