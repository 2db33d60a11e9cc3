namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>
/// Tells, before a turn runs, which records its message will look up, so that the host can read them (and take the
/// lookup quota) in the round trip that starts the turn. Only a forecast: a turn that looks up something else reads
/// it itself, and a unit of quota taken for a turn that looked nothing up is given back.
/// </summary>
public interface ILookupForecast
{
    /// <summary>What a turn on the message <paramref name="text"/> will look up (<see cref="LookupForecast.None"/> when nothing).</summary>
    LookupForecast Forecast(string? text);
}

/// <summary>A message as a bot read it before its turn.</summary>
/// <param name="Text">The message read.</param>
/// <param name="TrackingNumbers">The tracking numbers (normalised) its turn will look up; empty when none.</param>
public sealed record LookupForecast(string Text, IReadOnlyList<string> TrackingNumbers)
{
    /// <summary>Nothing to look up.</summary>
    public static readonly LookupForecast None = new("", []);

    /// <summary>
    /// True when the bot, an <see cref="IOneStepAnswers"/>, answers the message in one step if its conversation has no stored
    /// state: known before the turn, so that the host can enter it without the user's turn lock (nothing of the conversation
    /// is read or written).
    /// </summary>
    public bool InOneStep { get; init; }

    /// <summary>What the bot understood, kept so that it need not read the message again (<see cref="IOneStepAnswers"/>).</summary>
    internal Understanding.CitizenUnderstanding? Understood { get; init; }
}
