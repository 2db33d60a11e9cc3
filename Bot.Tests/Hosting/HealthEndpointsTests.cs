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

        // Asked as a readiness probe asks: on a loaded machine the first answer right after start was a rightful 503.
        var status = await Readiness.WaitForAsync(factory.CreateClient(), HttpStatusCode.OK, TimeSpan.FromSeconds(10));

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
