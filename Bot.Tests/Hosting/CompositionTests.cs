using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Hosting;

public class CompositionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Host_BuildsWithValidationAndResolvesEveryPart(bool redis)
    {
        await using var factory = new ChatPostFactory(redis ? TestRedis.Prefix() : null);

        var services = factory.Services;

        Assert.IsType<ChatPost.Bot.Dialogs.ChatPostBot>(services.GetRequiredService<IBot>());
        Assert.NotNull(services.GetRequiredService<WeChatAdapter>());
        Assert.NotNull(services.GetRequiredService<OfficialAccountCallback>());
        Assert.Contains(services.GetServices<IWeChatChannel>(), channel => channel.ChannelId == OfficialAccountChannel.Id);
        Assert.Equal(redis ? "RedisStorage" : "MemoryStorage", services.GetRequiredService<IStorage>().GetType().Name);
    }

    [Theory]
    [InlineData("WeChat:OfficialAccount:EncodingAESKey", "abcde")]
    [InlineData("WeChat:OfficialAccount:Token", "has spaces")]
    [InlineData("WeChat:MaxTimestampSkewSeconds", "-1")]
    [InlineData("WeChat:ReplyDeadline", "00:00:06")]
    [InlineData("Redis:KeyPrefix", "no-colon")]
    public void Host_InvalidSetting_FailsAtStartNamingTheKey(string key, string value)
    {
        using var factory = new ChatPostFactory(null, settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}
