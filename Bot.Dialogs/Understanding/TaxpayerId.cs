namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>A taxpayer identification number (纳税人识别号) found in a message.</summary>
/// <param name="Value">Normalised: upper case, half-width, without separators.</param>
/// <param name="IsUnifiedCode">
/// True for an 18-character unified social credit code (统一社会信用代码, GB 32100-2015); false for a legacy ID of 15 to 20
/// digits and capital letters (the old tax registration numbers, or a resident ID for individuals).
/// </param>
/// <param name="IsCheckValid">
/// For a unified code, whether its 18th character is the GB 32100 check character; a code with a wrong one is still
/// reported, flagged. Always true for a legacy ID, which has no check character common to all its forms.
/// </param>
public sealed record TaxpayerId(string Value, bool IsUnifiedCode, bool IsCheckValid);
