using System.Diagnostics;
using System.Net;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Hosting;

public class HealthEndpointsTests
{
    [Fact]
    public async Task Healthz_EmbeddedMode_Returns200()
    {
        await using var factory = new ChatPostFactory(null);

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_RedisReachable_Returns200()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        var client = factory.CreateClient();

        // Asked as a readiness probe asks, again until ready: right after start a check may not be ready yet (the Redis
        // connection's handshake, the scheduler's start), and on a loaded machine the first answer was a rightful 503.
        var started = Stopwatch.StartNew();
        var status = (await client.GetAsync("/readyz")).StatusCode;
        while (status != HttpStatusCode.OK && started.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            status = (await client.GetAsync("/readyz")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Readyz_RedisUnreachable_Returns503ButHealthzStays200()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix(),
            settings: new Dictionary<string, string?> { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=500" });
        var client = factory.CreateClient();

        var ready = await client.GetAsync("/readyz");
        var healthy = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }
}
