using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Tests.Support;

/// <summary>A follower of the Official Account talking to a running service the way WeChat carries it: signed, encrypted pushes.</summary>
public sealed class Citizen(HttpClient client, string openId)
{
    private static long _nextMessageId = 80_000_000;
    private readonly WeChatPush _push = new();

    public string OpenId => openId;

    /// <summary>Sends <paramref name="text"/>; returns the text of the passive reply, or null when the answer was "no reply".</summary>
    public async Task<string?> SayAsync(string text)
    {
        var response = await client.SendAsync(_push.Safe(WeChatPush.TextXml(openId, text, Interlocked.Increment(ref _nextMessageId), DateTimeOffset.UtcNow.ToUnixTimeSeconds())));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        if (body == WeChatReplyXml.Success)
        {
            return null;
        }

        Assert.True(WeChatXml.TryReadFields(_push.OpenReply(body), out var fields), "the reply is not XML");
        return fields.GetValueOrDefault("Content");
    }

    /// <summary>Unfollows the account.</summary>
    public async Task UnfollowAsync()
    {
        var unfollow = WeChatPush.EventXml(openId, "unsubscribe", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        (await client.SendAsync(_push.Safe(unfollow))).EnsureSuccessStatusCode();
    }

    /// <summary>Posts shipment events (objects with the contract's camelCase fields) to the ingestion API with <paramref name="apiKey"/>.</summary>
    public static Task IngestShipmentsAsync(HttpClient client, string apiKey, params object[] events) =>
        IngestAsync(client, "/api/ingest/shipments", apiKey, events);

    /// <summary>Posts invoice applications (objects with the contract's camelCase fields) to the ingestion API with <paramref name="apiKey"/>.</summary>
    public static Task IngestInvoiceApplicationsAsync(HttpClient client, string apiKey, params object[] applications) =>
        IngestAsync(client, "/api/ingest/invoice-applications", apiKey, applications);

    /// <summary>An invoice application of the ingestion contract.</summary>
    public static object Application(string applicationNo, string status, DateTimeOffset time, string? trackingNo = null, string? note = null) =>
        new { applicationNo, taxpayerId = "91429005MA4951234A", taxpayerName = "华润湖北江汉医药有限公司", city = "潜江", status, time, trackingNo, note };

    /// <summary>A shipment event of the ingestion contract.</summary>
    public static object Scan(string trackingNo, string status, DateTimeOffset time, string location = "襄州区交通路投递站", string description = "扫描") =>
        new { trackingNo, business = "license", city = "襄阳", status, time, location, description, receiverPhone = "13800001234", applicationNo = (string?)null };

    private static async Task IngestAsync(HttpClient client, string path, string apiKey, object[] records)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(records) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"ingestion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
