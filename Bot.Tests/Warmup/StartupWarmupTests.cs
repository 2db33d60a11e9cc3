using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.Warmup;
using ChatPost.Bot.WeChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Hosting;
using Moq;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Warmup;

/// <summary>
/// The service as deployed (Production, the Official Account configured, Redis) asks itself what citizens ask before it
/// reports ready, and none of it shows anywhere as a citizen's: not in the metrics, not in the API's sends, not kept.
/// </summary>
public class StartupWarmupTests
{
    private const string ApiKey = "ingest-key-0123456789abcdef";

    [Fact]
    public async Task ProductionStart_AsksItselfBeforeReady_AndNothingOfItCountsIsSentOrIsKept()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var prefix = TestRedis.Prefix();
        await using var bot = await BotProcess.StartAsync(Settings(api, prefix));
        using var client = bot.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await Readiness.WaitForAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(90)));
        await bot.WaitForOutputAsync("Warmed up: ");
        var warmed = Regex.Match(string.Join('\n', bot.Output), @"Warmed up: (\d+) callbacks answered, (\d+) scrapes and knowledge-base checks");
        var answered = int.Parse(warmed.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(answered > 100, $"{answered} warm-up callbacks answered");
        // The scrape and the once-a-second revision check ran past the 60 runs after which the JIT has optimised them.
        Assert.True(int.Parse(warmed.Groups[2].Value, CultureInfo.InvariantCulture) >= 60, warmed.Value);
        Assert.DoesNotContain(bot.Output, line => line.Contains("Warm-up stopped", StringComparison.Ordinal) || line.Contains("Warm-up failed", StringComparison.Ordinal));

        var metrics = await client.GetStringAsync("/metrics");
        Assert.DoesNotContain("chatpost_replies_total{", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("chatpost_turns_total{", metrics, StringComparison.Ordinal);
        // The request metrics leave its callbacks out (routing's own match counter, which runs before the sender is known, does not).
        Assert.DoesNotContain(metrics.Split('\n'), line => line.StartsWith("http_server_request_duration", StringComparison.Ordinal)
            && line.Contains("http_route=\"/wechat/mp\"", StringComparison.Ordinal));
        Assert.Equal(0, api.CustomMessageCount);
        // It read the metrics as Prometheus does, so that the exporter's code was compiled before the first real scrape.
        var scrapes = Regex.Match(metrics, "http_server_request_duration_seconds_count\\{[^}]*http_response_status_code=\"200\",http_route=\"/metrics\"[^}]*\\} (\\d+)");
        Assert.True(scrapes.Success && int.Parse(scrapes.Groups[1].Value, CultureInfo.InvariantCulture) >= 5, $"the warm-up's scrapes: {scrapes.Value}");

        // It went through the real store, and everything it left there expires.
        var redis = TestRedis.Connection;
        var left = redis.GetServers()[0].Keys(pattern: prefix + "*", pageSize: 1000).Where(key => key.ToString().Contains("sandbox-warmup-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(left);
        var database = redis.GetDatabase();
        foreach (var key in left)
        {
            // A key that expired since the scan has no time to live either: only one still there without one is kept for ever.
            Assert.False(await database.KeyTimeToLiveAsync(key) is null && await database.KeyExistsAsync(key), $"{key} is kept for ever");
        }

        // A citizen after it is answered and counted as before.
        Assert.Contains("EA987654326CN", await new Citizen(client, "oFirstCitizenAfterWarmup").SayAsync("EA987654326CN到哪了"), StringComparison.Ordinal);
        Assert.Matches("chatpost_replies_total\\{[^}]*channel=\"wechat-mp\",outcome=\"passive\"\\} 1\\b", await ScrapeAfterCacheAsync(client));
    }

    // Found in review: a refusal cancels the warm-up while a sample's knowledge-base checks run, and a check cancelled with
    // it ended the warm-up as "failed" instead of "stopped: refused".
    [Fact]
    public async Task CallbackRefused_StopsAndSaysWhy()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), api);
        _ = factory.Services;
        await using var refusing = await RefusingServiceAsync();
        var server = new Mock<Microsoft.AspNetCore.Hosting.Server.IServer>();
        var features = new FeatureCollection();
        features.Set<IServerAddressesFeature>(new ServerAddressesFeature { Addresses = { refusing.Urls.Single() } });
        server.Setup(candidate => candidate.Features).Returns(features);
        var logger = new FakeLogger<StartupWarmup>();
        using var warmup = ActivatorUtilities.CreateInstance<StartupWarmup>(factory.Services, server.Object,
            Mock.Of<IHostEnvironment>(host => host.EnvironmentName == "Production"), logger);

        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5061, logger.LatestRecord.Id.Id);
        Assert.Equal(HealthStatus.Healthy, (await warmup.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    /// <summary>
    /// A service that refuses every callback at once and answers a scrape only after a moment, so that the refusal comes
    /// while the warm-up's first sample still runs.
    /// </summary>
    private static async Task<WebApplication> RefusingServiceAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/wechat/mp", () => Results.StatusCode(StatusCodes.Status403Forbidden));
        app.MapGet("/metrics", async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }

    [Theory]
    [InlineData("Production", true, true)]
    [InlineData("Staging", true, true)]
    [InlineData("Development", true, false)]
    [InlineData("Testing", true, false)]
    [InlineData("Production", false, false)]
    public void IsWanted_InProductionAndStagingWithTheOfficialAccount(string environment, bool accountConfigured, bool wanted)
    {
        var host = Mock.Of<IHostEnvironment>(host => host.EnvironmentName == environment);
        var wechat = new WeChatOptions();
        if (accountConfigured)
        {
            wechat.OfficialAccount.AppId = ChatPostFactory.AppId;
            wechat.OfficialAccount.AppSecret = "test-secret";
            wechat.OfficialAccount.Token = ChatPostFactory.Token;
        }

        Assert.Equal(wanted, StartupWarmup.IsWanted(host, wechat));
    }

    [Theory]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    [InlineData("https://[::]:8443;http://[::]:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://[::]:8443", null)]
    public void LoopbackAddress_ThePlainHttpAddressAsReachedFromInside(string addresses, string? expected) =>
        Assert.Equal(expected, StartupWarmup.LoopbackAddress(addresses.Split(';'))?.ToString());

    /// <summary>The exporter answers a scrape from its cache for a moment (300 ms): a scrape taken after that sees what came since.</summary>
    private static async Task<string> ScrapeAfterCacheAsync(HttpClient client)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        return await client.GetStringAsync("/metrics");
    }

    private static Dictionary<string, string?> Settings(FakeWeChatApi api, string prefix)
    {
        var settings = ChatPostFactory.BaseSettings(prefix, api);
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["Ingest:ApiKey"] = ApiKey;
        return settings;
    }
}
