using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
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

    public static TheoryData<string, string, Func<IServiceProvider, object>> InvalidSettings => new()
    {
        { "WeChat:OfficialAccount:EncodingAESKey", "abcde", Value<WeChatOptions> },
        { "WeChat:OfficialAccount:Token", "has spaces", Value<WeChatOptions> },
        { "WeChat:MaxTimestampSkewSeconds", "-1", Value<WeChatOptions> },
        { "WeChat:ReplyDeadline", "00:00:06", Value<WeChatOptions> },
        { "Redis:KeyPrefix", "no-colon", Value<RedisOptions> },
        { "LookupQuota:PerMinute", "0", Value<LookupQuotaOptions> },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Options_InvalidSetting_FailsValidationNamingTheKey(string key, string value, Func<IServiceProvider, object> resolve)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddStorage();
        builder.AddWeChatChannels();
        using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => resolve(services));

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    private static object Value<T>(IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
