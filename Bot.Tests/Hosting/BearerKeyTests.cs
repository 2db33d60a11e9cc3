using ChatPost.Bot.Hosting;

namespace ChatPost.Bot.Tests.Hosting;

public class BearerKeyTests
{
    private const string Key = "0123456789abcdef-key";

    [Theory]
    [InlineData("Bearer 0123456789abcdef-key", true)]
    [InlineData("bearer 0123456789abcdef-key", true)]
    [InlineData("Bearer  0123456789abcdef-key ", true)]
    [InlineData("Bearer 0123456789abcdef-kez", false)]
    [InlineData("Bearer 0123456789abcdef-key0", false)]
    [InlineData("Bearer 0123456789abcdef-ke", false)]
    [InlineData("Bearer ", false)]
    [InlineData("Basic 0123456789abcdef-key", false)]
    [InlineData("0123456789abcdef-key", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Matches_Header_TrueOnlyForTheBearerKey(string? header, bool expected)
    {
        Assert.Equal(expected, BearerKey.Matches(header, Key));
    }

    [Fact]
    public void Matches_EmptyConfiguredKey_AlwaysFalse()
    {
        Assert.False(BearerKey.Matches("Bearer ", ""));
    }
}
