using ChatPost.Bot.Channels.WeCom.AiRobot;

namespace ChatPost.Bot.Tests.Channels.WeCom.AiRobot;

public sealed class AiRobotOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new AiRobotOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.False(options.IsConfigured);
    }

    [Theory]
    [InlineData(FakeKey, "aibBot", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response", "00:05:00", true)]
    [InlineData("", "aibBot", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response", "00:05:00", false)]
    [InlineData(FakeKey, "", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response", "00:05:00", false)]
    [InlineData("tooShort", "aibBot", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response", "00:05:00", false)]
    [InlineData(FakeKey, "aibBot", "qyapi.weixin.qq.com/cgi-bin/aibot/response", "00:05:00", false)]
    [InlineData(FakeKey, "aibBot", "ftp://qyapi.weixin.qq.com/cgi-bin/aibot/response", "00:05:00", false)]
    [InlineData(FakeKey, "aibBot", "https://qyapi.weixin.qq.com/", "00:05:00", false)]
    [InlineData(FakeKey, "aibBot", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?x=1", "00:05:00", false)]
    [InlineData(FakeKey, "aibBot", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response", "00:06:00", false)]
    [InlineData(FakeKey, "aibBot", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response", "00:00:00.500", false)]
    public void Validate_ConfiguredRobot_RequiresKeyBotIdAPrefixAndAStreamLifeInsideWeComs(string key, string botId, string prefix, string closeAfter,
        bool valid)
    {
        var options = new AiRobotOptions
        {
            Token = "robotToken1", EncodingAESKey = key, BotId = botId, ResponseUrlPrefix = prefix, StreamCloseAfter = TimeSpan.Parse(closeAfter,
                System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(valid, Validate(options).Succeeded);
    }

    private const string FakeKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(AiRobotOptions options)
    {
        var attributes = new AiRobotOptionsValidator().Validate(null, options);
        return attributes.Failed ? attributes : new AiRobotOptionsRules().Validate(null, options);
    }
}
