namespace ChatPost.Bot.Dialogs.Dialogs;

/// <summary>One running dialog on the stack: which dialog, and what it has collected so far.</summary>
/// <param name="Id">The dialog's id (<c>nameof(XxxDialog)</c>).</param>
/// <param name="Values">Slots and notes the dialog keeps between turns; strings only, so state stays plain JSON.</param>
/// <param name="Reprompts">How many times the current question was asked again after an answer that did not fit.</param>
public sealed record DialogInstance(string Id, IReadOnlyDictionary<string, string> Values, int Reprompts = 0)
{
    public static DialogInstance Start(string id, IReadOnlyDictionary<string, string>? values = null) =>
        new(id, values ?? new Dictionary<string, string>());

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public DialogInstance With(string key, string value) =>
        this with { Values = new Dictionary<string, string>(Values) { [key] = value } };
}
