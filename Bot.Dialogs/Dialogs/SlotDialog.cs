using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Dialogs;

/// <summary>
/// A dialog that needs one value (a tracking number, an application number…): taken from the triggering
/// message when it has one, otherwise asked for, asked once more when the answer does not fit, and given up
/// politely after that. "算了" or "取消" cancels it at any time (the bot handles that before the dialog).
/// </summary>
public abstract class SlotDialog(string id) : Dialog(id)
{
    /// <summary>How many times the question is asked again after an answer that does not fit.</summary>
    public const int MaxReprompts = 1;

    /// <summary>The question asked when the value is missing.</summary>
    protected abstract string Question { get; }

    /// <summary>Asked after an answer that did not contain the value.</summary>
    protected abstract string Reprompt { get; }

    /// <summary>Said when the user still did not give the value after the re-prompts.</summary>
    protected abstract string GiveUp { get; }

    /// <summary>
    /// One line said when the user asks something else instead and the question is dropped: how to come back to it.
    /// </summary>
    public abstract string Reminder { get; }

    /// <summary>The value this dialog needs, if the message carries it; null otherwise.</summary>
    protected abstract string? Extract(DialogContext context);

    /// <summary>The answer to the value, in one message; the dialog completes once it is said.</summary>
    protected abstract Task<string> AnswerAsync(DialogContext context, string value, CancellationToken cancellationToken);

    /// <summary>The answer, or that the system is busy when the records cannot be read right now.</summary>
    protected static async Task<string> ExcusedAsync(Task<string> answering)
    {
        ArgumentNullException.ThrowIfNull(answering);
        try
        {
            return await answering;
        }
        catch (RecordsUnavailableException)
        {
            return RecordsReplies.Busy;
        }
    }

    private async Task AnswerOrExcuseAsync(DialogContext context, string value, CancellationToken cancellationToken) =>
        await context.Turn.SendActivityAsync(await ExcusedAsync(AnswerAsync(context, value, cancellationToken)), cancellationToken: cancellationToken);

    /// <inheritdoc/>
    public override async Task<DialogTurnStatus> BeginAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Extract(context) is { } value)
        {
            await AnswerOrExcuseAsync(context, value, cancellationToken);
            return DialogTurnStatus.Complete;
        }

        await context.Turn.SendActivityAsync(Question, cancellationToken: cancellationToken);
        return DialogTurnStatus.Waiting;
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnStatus> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Extract(context) is { } value)
        {
            await AnswerOrExcuseAsync(context, value, cancellationToken);
            return DialogTurnStatus.Complete;
        }

        var active = context.Active!; // ContinueAsync runs only for the active dialog.
        if (active.Reprompts >= MaxReprompts)
        {
            await context.Turn.SendActivityAsync(GiveUp, cancellationToken: cancellationToken);
            return DialogTurnStatus.Complete;
        }

        await context.UpdateActiveAsync(active with { Reprompts = active.Reprompts + 1 }, cancellationToken);
        await context.Turn.SendActivityAsync(Reprompt, cancellationToken: cancellationToken);
        return DialogTurnStatus.Waiting;
    }

    /// <inheritdoc/>
    public override bool Accepts(DialogContext context) => Extract(context) is not null;
}
