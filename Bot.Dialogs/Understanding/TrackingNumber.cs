namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>A postal item number found in a message.</summary>
/// <param name="Value">
/// Normalised: upper case, half-width, without the spaces or dashes the citizen typed (<c>EB 111 222 332 cn</c> →
/// <c>EB111222332CN</c>), as ingestion stores tracking numbers.
/// </param>
/// <param name="Kind">S10 or 13-digit domestic.</param>
/// <param name="IsCheckDigitValid">
/// For an S10 number, whether its 11th character is the S10 check digit of its serial; a number with a wrong one is
/// still reported, so that the bot can say "the check digit looks wrong". Always true for a domestic number, which has
/// nothing to check.
/// </param>
public sealed record TrackingNumber(string Value, TrackingNumberKind Kind, bool IsCheckDigitValid);
