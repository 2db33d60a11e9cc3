using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Hosting;

public class RateLimitTests
{
    [Theory]
    [InlineData("/api/ingest/shipments", "RateLimits:IngestPerMinute", "Ingest:ApiKey")]
    [InlineData("/api/broadcasts", "RateLimits:AdminPerMinute", "Admin:ApiKey")]
    public async Task Api_OverTheLimit_Answers429WithRetryAfterEvenForAWrongKey(string path, string limit, string keySetting)
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: new Dictionary<string, string?>
        {
            [limit] = "3",
            [keySetting] = "a-long-enough-api-key-0123456789",
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guessing-the-key");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync(path, new StringContent("[]", Encoding.UTF8, "application/json"))).StatusCode);
        }

        var limited = await client.PostAsync(path, new StringContent("[]", Encoding.UTF8, "application/json"));
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null || limited.Headers.Contains("Retry-After"));
    }
}
