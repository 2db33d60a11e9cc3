using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs;

/// <summary>
/// A bot that can answer some messages in one step: from the message alone, reading no conversation state and leaving
/// none, exactly as its full turn would answer them. A host with a message of a conversation that has no stored state
/// asks it before building a turn (Bot Builder's context, state load and save, dialog stack), which for the campaign's
/// bulk — a citizen asking once where an item is — costs more than the answer itself (BENCHMARKS.md, issue 17).
/// </summary>
public interface IOneStepAnswers : ILookupForecast
{
    /// <summary>
    /// The reply to the message of <paramref name="forecast"/> (what this bot's <see cref="ILookupForecast.Forecast"/> read, with
    /// <see cref="LookupForecast.InOneStep"/>) from <paramref name="userId"/>, whose conversation has no stored state; null when
    /// the message needs a full turn after all. Logged as the turn would be, and counted as the turn would be when a
    /// <paramref name="citizen"/> asked (not a sandbox user: staff trying the bot, or the host warming up; <see cref="SandboxTurns"/>).
    /// The host may call it without holding the user's turn lock: it must read and write nothing of the conversation's state.
    /// </summary>
    Task<string?> TryAnswerAsync(string userId, LookupForecast forecast, bool citizen, CancellationToken cancellationToken);
}
