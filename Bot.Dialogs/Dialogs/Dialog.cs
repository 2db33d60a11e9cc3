namespace ChatPost.Bot.Dialogs.Dialogs;

/// <summary>
/// A conversation step that may span turns. Dialogs are stateless singletons: everything they remember
/// between turns lives in their <see cref="DialogInstance"/> on the stack.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id => id;

    /// <summary>Starts the dialog on the message that triggered it.</summary>
    public abstract Task<DialogTurnStatus> BeginAsync(DialogContext context, CancellationToken cancellationToken);

    /// <summary>The next message arrived while this dialog was active and waiting.</summary>
    public abstract Task<DialogTurnStatus> ContinueAsync(DialogContext context, CancellationToken cancellationToken);

    /// <summary>
    /// True when the current message answers this dialog's pending question, so a message that also looks
    /// like a new request (say, a bare tracking number while an invoice number is awaited) stays here.
    /// </summary>
    public abstract bool Accepts(DialogContext context);
}
