using ChatPost.Bot.Channels;

namespace ChatPost.Bot.Tests.Channels;

public class UserIdsTests
{
    [Theory]
    [InlineData("oAbCdEfGhIjKlMnOp", "oAbCdE…")]
    [InlineData("zhang", "…")]
    [InlineData("", "-")]
    [InlineData(null, "-")]
    public void Mask_UserId_KeepsSixCharactersAtMost(string? userId, string expected)
    {
        Assert.Equal(expected, UserIds.Mask(userId));
    }

    [Theory]
    [InlineData("1234567890123456", "1234567890123456")]
    [InlineData("oAbCdEfGhIjKlMnOp|1700000000|subscribe", "oAbCdE…|1700000000|subscribe")]
    [InlineData("oAbCdEfGhIjKlMnOp|1700000000|CLICK|MENU_TRACK", "oAbCdE…|1700000000|CLICK|MENU_TRACK")]
    [InlineData("|1700000000|", "-|1700000000|")]
    [InlineData(null, "-")]
    public void MaskDeliveryId_EventKeyHidesTheUserOnly(string? id, string expected)
    {
        Assert.Equal(expected, UserIds.MaskDeliveryId(id));
    }
}
