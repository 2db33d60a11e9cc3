using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

/// <summary>The recogniser through its public API, split by concern: corpus, numbers, places and dates, cancel.</summary>
public sealed partial class CitizenRecognizerTests
{
    /// <summary>A fixed day for relative dates: Wednesday 4 March 2020, in the thick of "apply online, delivered by post".</summary>
    private static readonly DateOnly Today = new(2020, 3, 4);

    [Theory]
    [InlineData("  郵件ＥＡ１２３４５６７８５ＣＮ現在在哪裡？　", "邮件EA123456785CN现在在哪里?")]
    [InlineData("你好", "你好")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    public void Recognize_AnyText_NormalizedIsSimplifiedHalfWidthTrimmed(string text, string expected)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(expected, understanding.Normalized);
    }

    [Fact]
    public void Recognize_Blank_IsOtherWithNothingFound()
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(" ", Today);

        Assert.Equal(Intent.Other, understanding.Intent);
        Assert.Empty(understanding.TrackingNumbers);
        Assert.All(new object?[] { understanding.InvoiceApplicationNo, understanding.TaxpayerId, understanding.Phone,
            understanding.City, understanding.Date, understanding.Business }, Assert.Null);
        Assert.False(understanding.IsCancel);
    }

    [Fact]
    public void Recognize_Null_Throws()
    {
        var sut = CreateSut();

        Assert.Throws<ArgumentNullException>(() => sut.Recognize(null!, Today));
    }

    private static CitizenRecognizer CreateSut() => new();
}
