using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

/// <summary>The recogniser through its public API, split by concern: corpus, numbers, places and dates, cancel.</summary>
public sealed partial class CitizenRecognizerTests
{
    /// <summary>A fixed day for relative dates: Wednesday 4 March 2020, in the thick of "apply online, delivered by post".</summary>
    private static readonly DateOnly Today = new(2020, 3, 4);

    private static CitizenUnderstanding Recognize(string text) => new CitizenRecognizer().Recognize(text, Today);
}
