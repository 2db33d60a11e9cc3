using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ChatPost.Bot.Tests.WeChat;

public class AccessTokenProviderTests
{
    [Fact]
    public async Task GetTokenAsync_TwentyConcurrentReplicas_FetchOnce()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        api.TokenGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var prefix = TestRedis.Prefix();
        var replicas = Enumerable.Range(0, 20).Select(_ => CreateRedisSut(api, prefix)).ToArray();

        var calls = replicas.Select(replica => replica.GetTokenAsync(default)).ToArray();
        await api.FirstTokenRequest.Task.WaitAsync(TimeSpan.FromSeconds(10));
        api.TokenGate.SetResult();
        var tokens = await Task.WhenAll(calls);

        Assert.Equal(1, api.TokenFetches);
        Assert.All(tokens, token => Assert.Equal("token-1", token.AccessToken));
    }

    [Fact]
    public async Task CallAsync_TokenRejected_FetchesAgainAndRetriesOnce()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var sut = CreateRedisSut(api, TestRedis.Prefix());
        await sut.GetTokenAsync(default);
        api.RotateToken(); // another system refreshed: our cached token-1 is now refused with 40001

        var client = new WeChatApiClient(new HttpClient { BaseAddress = api.BaseUrl }, NullLogger<WeChatApiClient>.Instance);
        var result = await sut.CallAsync((token, ct) => client.SendCustomMessageAsync(token, CustomMessage.ForText("o1", "hi"), ct), default);

        Assert.True(result.IsSuccess, result.ErrorMessage);
        Assert.Equal(2, api.TokenFetches);
        Assert.Single(await api.TakeCustomMessagesAsync(1));
    }

    [Fact]
    public async Task GetTokenAsync_WithinRefreshMargin_RefreshesButFallsBackToValidTokenWhenFetchFails()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        var source = new Mock<IAccessTokenSource>();
        source.SetupGet(s => s.Account).Returns("mp:test");
        source.SetupSequence(s => s.FetchAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessTokenResult("first", 7200, WeChatApiResult.Ok))
            .ReturnsAsync(AccessTokenResult.Failed(new WeChatApiResult(WeChatErrorCodes.SystemBusy, "busy")))
            .ReturnsAsync(new AccessTokenResult("second", 7200, WeChatApiResult.Ok));
        var sut = new AccessTokenProvider(source.Object, new MemoryAccessTokenCache(time), new MemoryDistributedLock(time), time,
            TestMetrics.Create(), NullLogger<AccessTokenProvider>.Instance);

        var first = await sut.GetTokenAsync(default);
        time.Advance(TimeSpan.FromSeconds(7200) - AccessTokenProvider.RefreshMargin + TimeSpan.FromSeconds(1));
        var duringOutage = await sut.GetTokenAsync(default);
        var afterOutage = await sut.GetTokenAsync(default);

        Assert.Equal("first", first.AccessToken);
        Assert.Equal("first", duringOutage.AccessToken);
        Assert.Equal("second", afterOutage.AccessToken);
        source.Verify(s => s.FetchAsync(It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    private static AccessTokenProvider CreateRedisSut(FakeWeChatApi api, string prefix)
    {
        var options = Options.Create(new WeChatOptions
        {
            ApiBaseUrl = api.BaseUrl,
            OfficialAccount = new OfficialAccountOptions { AppId = "wxtest", AppSecret = "secret" },
        });
        var redis = new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = prefix }));
        var client = new WeChatApiClient(new HttpClient { BaseAddress = api.BaseUrl }, NullLogger<WeChatApiClient>.Instance);
        return new AccessTokenProvider(new OfficialAccountTokenSource(client, options), new RedisAccessTokenCache(redis),
            new RedisDistributedLock(redis), TimeProvider.System, TestMetrics.Create(), NullLogger<AccessTokenProvider>.Instance);
    }
}
