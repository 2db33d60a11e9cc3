using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed class CheckCharactersTests
{
    [Theory]
    [InlineData("12345678", '5')]
    [InlineData("98765432", '6')]
    [InlineData("11122233", '2')]
    [InlineData("87654321", '6')]
    [InlineData("00000000", '5')]
    [InlineData("00000001", '4')]
    [InlineData("00000005", '9')]
    [InlineData("20200304", '0')]
    public void S10CheckDigit_Serial_FollowsUpuWeights(string serial, char expected)
    {
        Assert.Equal(expected, CheckCharacters.S10CheckDigit(serial));
    }

    [Theory]
    [InlineData("91429005MA4951234", 'A')]
    [InlineData("91420100MA4K12345", 'K')]
    [InlineData("91420100714654321", 'F')]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("00000000000000000", '0')]
    public void UnifiedCodeCheck_First17_FollowsGb32100(string first17, char expected)
    {
        Assert.Equal(expected, CheckCharacters.UnifiedCodeCheck(first17));
    }

    [Theory]
    [InlineData("91420100MA4K1234I")]
    [InlineData("91420100MA4K1234O")]
    [InlineData("91420100ma4k12345")]
    public void UnifiedCodeCheck_CharOutsideAlphabet_IsNull(string first17)
    {
        Assert.Null(CheckCharacters.UnifiedCodeCheck(first17));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("42010619800101123", '7')]
    [InlineData("44052418800101001", '4')]
    public void ResidentIdCheck_First17_FollowsGb11643(string first17, char expected)
    {
        Assert.Equal(expected, CheckCharacters.ResidentIdCheck(first17));
    }

    [Fact]
    public void ResidentIdCheck_Letter_IsNull()
    {
        Assert.Null(CheckCharacters.ResidentIdCheck("4201061980010112A"));
    }
}
