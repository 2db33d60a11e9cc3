using ChatPost.Bot.Channels.WeCom.GroupRobot;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Channels.WeCom.GroupRobot;

public sealed class GroupRobotExtensionsTests : IAsyncLifetime
{
    private const string Key = "693a91f6-7ccc-4bc4-97a0-0ec2sifa5ccc";

    private readonly WaitSignalingTimeProvider _time = new();
    private readonly List<IHost> _hosts = [];
    private FakeWebhook _webhook = null!;

    public async Task InitializeAsync() => _webhook = await FakeWebhook.StartAsync(_time);

    /// <summary>
    /// Held answers go first, then the hosts, asynchronously: a host disposed synchronously while a request of its
    /// client is in flight would block the thread that request needs to finish on.
    /// </summary>
    public async Task DisposeAsync()
    {
        _webhook.ReleaseHeld();
        foreach (var host in _hosts)
        {
            await ((IAsyncDisposable)host).DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }

        await _webhook.DisposeAsync();
    }

    [Theory]
    [InlineData(true, typeof(RedisRobotRateLimiter))]
    [InlineData(false, typeof(MemoryRobotRateLimiter))]
    public async Task AddGroupRobot_WithOrWithoutRedis_ResolvesTheClientAndTheMatchingLimiter(bool redis, Type limiter)
    {
        var host = await StartHostAsync(redis);

        var sut = host.Services.GetRequiredService<IGroupRobotClient>();

        Assert.IsType<GroupRobotClient>(sut);
        Assert.IsType(limiter, host.Services.GetRequiredService<IRobotRateLimiter>());
    }

    [Fact]
    public async Task AddGroupRobot_NothingConfigured_UsesTheContractDefaults()
    {
        var host = await StartHostAsync(redis: false, webhook: false);

        var options = host.Services.GetRequiredService<IOptions<GroupRobotOptions>>().Value;

        Assert.Equal("https://qyapi.weixin.qq.com/cgi-bin/webhook/send", options.WebhookBaseUrl.AbsoluteUri);
        Assert.Equal(20, options.RobotMessagesPerMinute);
        Assert.Equal(3, options.RobotMaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RobotRetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RobotRequestTimeout);
    }

    [Theory]
    [InlineData("WeCom:RobotMessagesPerMinute", "0")]
    [InlineData("WeCom:RobotMessagesPerMinute", "21")]
    [InlineData("WeCom:RobotMaxRetryAttempts", "11")]
    [InlineData("WeCom:RobotRetryBaseDelay", "00:02:00")]
    [InlineData("WeCom:RobotRequestTimeout", "00:00:00.500")]
    [InlineData("WeCom:WebhookBaseUrl", "ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send")]
    [InlineData("WeCom:WebhookBaseUrl", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc")]
    [InlineData("WeCom:WebhookBaseUrl", "/cgi-bin/webhook/send")]
    public async Task AddGroupRobot_InvalidSetting_FailsAtStartNamingTheKey(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(redis: false, settings: new() { [key] = value }));

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGroupRobot_ServerErrorOnce_OnlyTheClientRetriesNotTheHandler()
    {
        var host = await StartHostAsync(redis: true);
        var sut = host.Services.GetRequiredService<IGroupRobotClient>();
        _webhook.FailNext(FakeWebhook.Fault.ServerError);

        var send = sut.SendAsync(Key, new RobotMessage.Text("通报"), default);
        var firstAttemptTimeout = await _time.NextWaitAsync();
        var backoff = await _time.NextWaitAsync();
        _time.Advance(backoff);
        var result = await send;

        Assert.True(result.Sent);
        Assert.Equal(TimeSpan.FromSeconds(10), firstAttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), backoff);
        Assert.Equal(2, _webhook.RequestsFor(Key));
    }

    [Fact]
    public async Task AddGroupRobot_RequestTimesOutAfterDelivery_ResendsAndReportsAmbiguous()
    {
        var host = await StartHostAsync(redis: false);
        var sut = host.Services.GetRequiredService<IGroupRobotClient>();
        _webhook.FailNext(FakeWebhook.Fault.Hold);

        var send = sut.SendAsync(Key, new RobotMessage.Text("通报"), default);
        await _webhook.WaitForMessagesAsync(Key, 1);
        var timeout = await _time.NextWaitAsync();
        _time.Advance(timeout); // the held attempt times out
        var backoff = await _time.NextWaitAsync();
        _time.Advance(backoff);
        var result = await send;

        Assert.Equal(new RobotSendResult(true, 1, 1, null, null, false, Ambiguous: true), result);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)], [timeout, backoff]);
        Assert.Equal(2, _webhook.MessagesFor(Key).Count); // WeCom got the held one too: the duplicate Ambiguous warns of
    }

    /// <summary>A host with the storage and the group robot, as Program composes them; <see cref="IHost.StartAsync"/> validates options.</summary>
    private async Task<IHost> StartHostAsync(bool redis, Dictionary<string, string?>? settings = null, bool webhook = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis ? TestRedis.Configuration : "",
            ["Redis:KeyPrefix"] = TestRedis.Prefix(),
        });
        if (webhook)
        {
            builder.Configuration.AddInMemoryCollection([new("WeCom:WebhookBaseUrl", _webhook.WebhookUrl.AbsoluteUri)]);
        }

        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddStorage();
        builder.AddGroupRobot();
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }
}
