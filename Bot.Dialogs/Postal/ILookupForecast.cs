namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>
/// Tells, before a turn runs, which records its message will look up, so that the host can read them (and take the
/// lookup quota) in the round trip that starts the turn. Only a forecast: a turn that looks up something else reads
/// it itself, and a unit of quota taken for a turn that looked nothing up is given back.
/// </summary>
public interface ILookupForecast
{
    /// <summary>The tracking numbers (normalised) that a turn on the message <paramref name="text"/> will look up; empty when none.</summary>
    IReadOnlyList<string> TrackingNumbersToLookUp(string? text);
}
