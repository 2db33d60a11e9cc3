using System.Net;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Hosting;

public class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterACitizenMessageAndItsRetry_ExposesTurnsRepliesAndDedupeInPrometheusFormat()
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix());
        var client = factory.CreateClient();
        var push = new WeChatPush();
        var xml = WeChatPush.TextXml("oMetrics", "你好", 550001);
        await client.SendAsync(push.Plaintext(xml));
        await client.SendAsync(push.Plaintext(xml));

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("chatpost_turns_total{otel_scope_name=\"ChatPost.Dialogs\",intent=\"Greeting\"} ", text, StringComparison.Ordinal);
        Assert.Contains("chatpost_replies_total{otel_scope_name=\"ChatPost\",channel=\"wechat-mp\",outcome=\"passive\"} ", text, StringComparison.Ordinal);
        Assert.Contains("chatpost_dedupe_hits_total{otel_scope_name=\"ChatPost\",channel=\"wechat-mp\"} ", text, StringComparison.Ordinal);
        Assert.Contains("chatpost_turn_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("oMetrics", text, StringComparison.Ordinal);
    }
}
