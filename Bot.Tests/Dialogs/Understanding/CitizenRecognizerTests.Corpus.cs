using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed partial class CitizenRecognizerTests
{
    public static TheoryData<string, string> SharedSamples => Load("citizen-questions.tsv");

    public static TheoryData<string, string> MoreLines => Load("citizen-questions-more.tsv");

    [Theory]
    [MemberData(nameof(SharedSamples))]
    public void Recognize_SharedSample_HasItsLabelledIntent(string label, string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(IntentOf(label), understanding.Intent);
    }

    [Theory]
    [MemberData(nameof(MoreLines))]
    public void Recognize_CitizenLine_HasItsLabelledIntent(string label, string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(IntentOf(label), understanding.Intent);
    }

    [Fact]
    public void LabelledLines_BothFiles_CoverEveryIntent()
    {
        var labels = Lines("citizen-questions.tsv").Concat(Lines("citizen-questions-more.tsv")).Select(line => IntentOf(line.Label));

        Assert.Equal(Enum.GetValues<Intent>().Order(), labels.Distinct().Order());
    }

    private static Intent IntentOf(string label) => label switch
    {
        "track" => Intent.Tracking,
        "invoice_status" => Intent.InvoiceStatus,
        "invoice_howto" => Intent.InvoiceHowTo,
        "postage" => Intent.Postage,
        "delivery_time" => Intent.DeliveryTime,
        "license_howto" => Intent.LicenseHowTo,
        "textbook" => Intent.Textbook,
        "handoff" => Intent.Handoff,
        "greeting" => Intent.Greeting,
        "thanks" => Intent.Thanks,
        "watch" => Intent.Watch,
        "unwatch" => Intent.Unwatch,
        "list_watches" => Intent.ListWatches,
        "send_parcel" => Intent.SendParcel,
        "post_office" => Intent.PostOffice,
        "other_service" => Intent.OtherService,
        "other" => Intent.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Not a label of the citizen question files."),
    };

    private static TheoryData<string, string> Load(string file)
    {
        var data = new TheoryData<string, string>();
        foreach (var (label, text) in Lines(file))
        {
            data.Add(label, text);
        }

        return data;
    }

    /// <summary>The labelled lines of a TSV in TestData/Understanding: label, tab, text; lines starting with # are comments.</summary>
    internal static IEnumerable<(string Label, string Text)> Lines(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Understanding", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0], parts[1]));
}
