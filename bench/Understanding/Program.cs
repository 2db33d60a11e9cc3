using System.Globalization;
using System.Text.Json;
using ChatPost.Bench.Understanding;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Routing;
using ChatPost.Bot.Dialogs.Understanding;

// Top-1 accuracy of the citizens' bot on the evaluation set, per intent and per knowledge entry, and what it confused.
// dotnet run -c Release --project bench/Understanding [-- --misses]   (--misses lists every case answered wrong)
var here = AppContext.BaseDirectory;
var options = FaqSeed.Load(Path.Combine(here, "faq.json"));
var router = new CitizenRouter(new CitizenRecognizer(), new FixedIndex(new FaqIndex(options.Entries, options, new TextSegmenter())));
var cases = EvaluationCase.Load(Path.Combine(here, "evaluation.tsv"));
var evaluation = Evaluation.Run(router, cases, options.Entries.ToDictionary(entry => entry.Id, entry => entry.Intent),
    new DateTimeOffset(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Top-1 accuracy: {evaluation.Accuracy:P1} ({evaluation.Outcomes.Count(Evaluation.IsRight)} of {evaluation.Outcomes.Count} messages)"));
Report.Table("By kind of message", evaluation.By(item => [item.Kind]));
Report.Table("By intent", evaluation.ByIntent());
Report.Table("By knowledge entry or intent label", evaluation.By(item => item.Labels));
Report.Confusions(evaluation.Confusions());
if (args.Contains("--misses"))
{
    Report.Misses(evaluation);
}

/// <summary>The FAQ section of config/faq.json (comments allowed), as the host binds it.</summary>
internal static class FaqSeed
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static FaqOptions Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.GetProperty("Faq").Deserialize<FaqOptions>(Options)!;
    }
}

/// <summary>One index, as a host without a knowledge base would give it.</summary>
internal sealed class FixedIndex(FaqIndex index) : IFaqIndexSource
{
    public FaqIndex Current => index;
}
