using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Dialogs.Dialogs;

/// <summary>
/// One turn's view of the dialog stack: starts, continues and cancels dialogs, and writes the stack back to
/// ConversationState whenever it changes.
/// </summary>
public sealed class DialogContext
{
    private readonly DialogSet _dialogs;
    private readonly IStatePropertyAccessor<DialogState> _accessor;
    private DialogState _state;

    private DialogContext(ITurnContext turn, CitizenUnderstanding understood, DialogSet dialogs, IStatePropertyAccessor<DialogState> accessor, DialogState state)
    {
        (Turn, Understood, _dialogs, _accessor, _state) = (turn, understood, dialogs, accessor, state);
    }

    public ITurnContext Turn { get; }

    /// <summary>What the recogniser made of this turn's message.</summary>
    public CitizenUnderstanding Understood { get; }

    /// <summary>The instance of the dialog that is running now (the one being begun or continued), or the top of the stack.</summary>
    public DialogInstance? Active => _state.Active;

    /// <summary>The dialog waiting for this message, if any and still known.</summary>
    public Dialog? WaitingDialog => Active is { } active ? _dialogs.Find(active.Id) : null;

    public static async Task<DialogContext> CreateAsync(ITurnContext turn, CitizenUnderstanding understood, DialogSet dialogs,
        IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        var state = await accessor.GetAsync(turn, () => new DialogState(), cancellationToken);
        return new DialogContext(turn, understood, dialogs, accessor, state);
    }

    /// <summary>Pushes the dialog <paramref name="id"/> and begins it; it leaves the stack again when it completes.</summary>
    public async Task<DialogTurnStatus> BeginAsync(string id, CancellationToken cancellationToken)
    {
        var dialog = _dialogs.Find(id) ?? throw new InvalidOperationException($"No dialog '{id}' is registered.");
        await SaveAsync(_state with { Stack = [.. _state.Stack, DialogInstance.Start(id)] }, cancellationToken);
        return await AfterAsync(await dialog.BeginAsync(this, cancellationToken), cancellationToken);
    }

    /// <summary>Gives this message to the waiting dialog. With none waiting, returns <see cref="DialogTurnStatus.Complete"/>.</summary>
    public async Task<DialogTurnStatus> ContinueAsync(CancellationToken cancellationToken)
    {
        if (WaitingDialog is not { } dialog)
        {
            await CancelAllAsync(cancellationToken);
            return DialogTurnStatus.Complete;
        }

        return await AfterAsync(await dialog.ContinueAsync(this, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Makes the topmost instance of dialog <paramref name="id"/> the active one again, dropping the dialogs started above
    /// it (a question another member asked since). False, and nothing changed, when <paramref name="id"/> is not on the stack.
    /// </summary>
    public async Task<bool> ReturnToAsync(string id, CancellationToken cancellationToken)
    {
        var index = Array.FindLastIndex(_state.Stack, instance => instance.Id == id);
        if (index < 0)
        {
            return false;
        }

        if (index < _state.Stack.Length - 1)
        {
            await SaveAsync(_state with { Stack = _state.Stack[..(index + 1)] }, cancellationToken);
        }

        return true;
    }

    /// <summary>Replaces the active instance (a dialog recording a slot or counting a re-prompt).</summary>
    public Task UpdateActiveAsync(DialogInstance instance, CancellationToken cancellationToken) =>
        SaveAsync(_state with { Stack = [.. _state.Stack.Take(_state.Stack.Length - 1), instance] }, cancellationToken);

    /// <summary>Empties the stack: the user cancelled, or changed the subject.</summary>
    public Task CancelAllAsync(CancellationToken cancellationToken) =>
        _state.Stack.Length == 0 ? Task.CompletedTask : SaveAsync(new DialogState(), cancellationToken);

    private async Task<DialogTurnStatus> AfterAsync(DialogTurnStatus status, CancellationToken cancellationToken)
    {
        if (status == DialogTurnStatus.Complete && _state.Stack.Length > 0)
        {
            await SaveAsync(_state with { Stack = [.. _state.Stack.Take(_state.Stack.Length - 1)] }, cancellationToken);
        }

        return status;
    }

    private async Task SaveAsync(DialogState state, CancellationToken cancellationToken)
    {
        _state = state;
        await _accessor.SetAsync(Turn, state, cancellationToken);
    }
}
