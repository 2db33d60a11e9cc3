namespace ChatPost.Bot.Dialogs.Dialogs;

/// <summary>How a dialog left the turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>It asked a question and waits for the user's next message.</summary>
    Waiting,

    /// <summary>It finished (answered, or gave up) and left the stack.</summary>
    Complete,
}
