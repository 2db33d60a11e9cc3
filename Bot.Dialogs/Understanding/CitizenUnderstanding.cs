using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>What <see cref="CitizenRecognizer"/> understood of one message.</summary>
/// <remarks>
/// Not named <c>Understanding</c>: a type named like its own namespace cannot be named from any code under
/// <c>ChatPost.Bot.Dialogs</c>, where <c>Understanding</c> resolves to the namespace first (CS0118).
/// </remarks>
/// <param name="Intent">What the citizen wants; <see cref="CitizenRecognizer"/> documents the precedence.</param>
/// <param name="Normalized">The message in Simplified script, half-width, trimmed; the text every other field was read from.</param>
/// <param name="TrackingNumbers">Every tracking number, in order, each once; an empty list when none.</param>
/// <param name="InvoiceApplicationNo">The first invoice application number, <c>FP</c> and 14 digits, upper case; null when none.</param>
/// <param name="TaxpayerId">The first taxpayer ID; null when none.</param>
/// <param name="Phone">The first mainland mobile number, 11 digits without +86 or separators; null when none.</param>
/// <param name="City">The canonical name (as in <see cref="Cities.All"/>) of the first city branch named; null when none.</param>
/// <param name="Date">The first date mentioned, resolved against the day passed in; null when none.</param>
/// <param name="Business">The business line named first; null when none.</param>
/// <param name="IsCancel">
/// True when the message only says "stop" (算了, 取消, 不查了, 退出, 不用了…), perhaps with filler and thanks: the dialog
/// layer ends the prompt it is waiting on. A message that also asks for something ("算了，转人工") is not a cancel.
/// </param>
public sealed record CitizenUnderstanding(
    Intent Intent,
    string Normalized,
    IReadOnlyList<TrackingNumber> TrackingNumbers,
    string? InvoiceApplicationNo,
    TaxpayerId? TaxpayerId,
    string? Phone,
    string? City,
    DateOnly? Date,
    Business? Business,
    bool IsCancel);
