using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Channels.WeCom.GroupRobot;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Channels.WeCom.GroupRobot;

/// <summary>Real HTTP against <see cref="FakeWebhook"/>; time from <see cref="WaitSignalingTimeProvider"/>.</summary>
public sealed partial class GroupRobotClientTests : IAsyncLifetime, IDisposable
{
    private const string KeyA = "693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa";
    private const string KeyB = "693a91f6-7bbb-4bc4-97a0-0ec2sifa5bbb";

    private readonly WaitSignalingTimeProvider _time = new();
    private readonly HttpClient _http = new();
    private FakeWebhook _webhook = null!;

    public async Task InitializeAsync() => _webhook = await FakeWebhook.StartAsync(_time);

    public async Task DisposeAsync() => await _webhook.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SendAsync_TextWithMentions_PostsTheDocumentedShape()
    {
        var sut = CreateSut();

        var result = await sut.SendAsync(KeyA, new RobotMessage.Text("广州今日天气：29度", ["wangqing", "@all"], ["13800001111", "@all"]), default);

        Assert.Equal(new RobotSendResult(true, 1, 1, null, null, false, false), result);
        var arrival = Assert.Single(_webhook.MessagesFor(KeyA));
        AssertJson("""{"msgtype":"text","text":{"content":"广州今日天气：29度","mentioned_list":["wangqing","@all"],"mentioned_mobile_list":["13800001111","@all"]}}""", arrival.Body);
        Assert.Contains("广州今日天气", arrival.RawBody, StringComparison.Ordinal); // UTF-8 on the wire, not \u escapes
    }

    [Fact]
    public async Task SendAsync_TextWithoutMentions_OmitsTheMentionLists()
    {
        var sut = CreateSut();

        await sut.SendAsync(KeyA, new RobotMessage.Text("今日通报", MentionedUserIds: []), default);

        AssertJson("""{"msgtype":"text","text":{"content":"今日通报"}}""", Assert.Single(_webhook.MessagesFor(KeyA)).Body);
    }

    [Fact]
    public async Task SendAsync_Markdown_PostsTheDocumentedShape()
    {
        var sut = CreateSut();

        var result = await sut.SendAsync(KeyA, new RobotMessage.Markdown("# 每日通报\n> 襄阳：<font color=\"warning\">滞留 3 件</font>"), default);

        Assert.True(result.Sent);
        AssertJson("""{"msgtype":"markdown","markdown":{"content":"# 每日通报\n> 襄阳：<font color=\"warning\">滞留 3 件</font>"}}""",
            Assert.Single(_webhook.MessagesFor(KeyA)).Body);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(RobotMessage.Image.MaxBytes)]
    public async Task SendAsync_PngImageUpTo2MB_PostsBase64AndMd5OfTheRawBytes(int size)
    {
        var image = Png(size);
        var sut = CreateSut();

        var result = await sut.SendAsync(KeyA, new RobotMessage.Image(image), default);

        Assert.True(result.Sent);
        var expected = new JsonObject
        {
            ["msgtype"] = "image",
            ["image"] = new JsonObject { ["base64"] = Convert.ToBase64String(image), ["md5"] = Md5Hex(image) },
        };
        AssertJson(expected.ToJsonString(), Assert.Single(_webhook.MessagesFor(KeyA)).Body);
    }

    public static TheoryData<string, RobotMessage> Unsendable => new()
    {
        { "image over 2 MB", new RobotMessage.Image(Png(RobotMessage.Image.MaxBytes + 1)) },
        { "GIF", new RobotMessage.Image("GIF89a"u8.ToArray()) },
        { "empty image", new RobotMessage.Image(ReadOnlyMemory<byte>.Empty) },
        { "empty text", new RobotMessage.Text("") },
        { "blank markdown", new RobotMessage.Markdown(" \n ") },
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task SendAsync_UnsendableMessage_PermanentFailureWithoutARequest(string scenario, RobotMessage message)
    {
        var sut = CreateSut();

        var result = await sut.SendAsync(KeyA, message, default);

        Assert.False(result.Sent, scenario);
        Assert.True(result.Permanent);
        Assert.Null(result.ErrorCode);
        Assert.NotNull(result.Error);
        Assert.Equal(0, _webhook.Requests);
    }

    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa")]
    [InlineData("key=693a91f6-7aaa")]
    public async Task SendAsync_WholeUrlInsteadOfKey_PermanentFailureWithoutARequest(string webhookKey)
    {
        var sut = CreateSut();

        var result = await sut.SendAsync(webhookKey, new RobotMessage.Text("测试"), default);

        Assert.True(result.Permanent);
        Assert.Contains("whole URL", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _webhook.Requests);
    }

    [Fact]
    public async Task SendAsync_KeyWithReservedCharacters_ArrivesIntact()
    {
        const string key = "a+b/c=d&e f";
        var sut = CreateSut();

        var result = await sut.SendAsync(key, new RobotMessage.Text("测试"), default);

        Assert.True(result.Sent);
        Assert.Single(_webhook.MessagesFor(key));
    }

    [Theory]
    [InlineData("text", 7)]
    [InlineData("markdown", 4)]
    public async Task SendAsync_LongContent_PartsArriveInOrderMarkedAndWithinTheLimit(string kind, int expectedParts)
    {
        var lines = Enumerable.Range(1, 300).Select(i => $"第 {i} 行：襄阳 已签收 {i * 7} 件 😀").ToList();
        var content = string.Join('\n', lines);
        RobotMessage message = kind == "text" ? new RobotMessage.Text(content, ["@all"]) : new RobotMessage.Markdown(content);
        var sut = CreateSut();

        var result = await sut.SendAsync(KeyA, message, default);

        Assert.Equal(new RobotSendResult(true, expectedParts, expectedParts, null, null, false, false), result);
        var arrivals = await _webhook.WaitForMessagesAsync(KeyA, expectedParts);
        var parts = arrivals.Select(arrival => arrival.Content!).ToList();
        Assert.All(parts, part => Assert.InRange(Encoding.UTF8.GetByteCount(part), 1, kind == "text" ? 2048 : 4096));
        Assert.All(parts.Skip(1).Select((part, i) => (part, number: i + 2)),
            p => Assert.StartsWith($"（续 {p.number}/{expectedParts}）\n", p.part, StringComparison.Ordinal));
        Assert.All(parts.SkipLast(1), part => Assert.EndsWith("\n（未完，见下条）", part, StringComparison.Ordinal));
        var received = parts.SelectMany(part => part.Split('\n')).Where(line => line.StartsWith('第')).ToList();
        Assert.Equal(lines, received); // every line once, in order: the cuts fell on line breaks
        Assert.Equal(kind == "text" ? 1 : 0, arrivals.Count(arrival => arrival.Body[kind]!["mentioned_list"] is not null));
    }

    [Fact]
    public async Task SendAsync_AnyOutcome_LogsNeitherTheKeyNorTheContent()
    {
        const string content = "机密：襄阳名单";
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<GroupRobotClient>();
        var sut = CreateSut(logger: logger);
        _webhook.RejectKey(KeyB);
        _webhook.FailNext(FakeWebhook.Fault.ServerError);

        await _time.RunAsync(sut.SendAsync(KeyA, new RobotMessage.Text(content), default));
        await sut.SendAsync(KeyB, new RobotMessage.Text(content), default);

        var records = logger.Collector.GetSnapshot();
        Assert.Contains(records, record => record.Level == LogLevel.Warning && record.Id.Id == 3102);
        Assert.Contains(records, record => record.Level == LogLevel.Error && record.Id.Id == 3104 && record.Message.Contains("93000", StringComparison.Ordinal));
        Assert.Contains(records, record => record.Message.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KeyA)))[..8], StringComparison.Ordinal));
        Assert.All(records, record => Assert.DoesNotContain("693a91f6", record.Message, StringComparison.Ordinal));
        Assert.All(records, record => Assert.DoesNotContain("机密", record.Message, StringComparison.Ordinal));
    }

    private GroupRobotClient CreateSut(IRobotRateLimiter? limiter = null, Action<GroupRobotOptions>? configure = null,
        ILogger<GroupRobotClient>? logger = null)
    {
        var settings = new GroupRobotOptions { WebhookBaseUrl = _webhook.WebhookUrl };
        configure?.Invoke(settings);
        return new GroupRobotClient(_http, limiter ?? new MemoryRobotRateLimiter(_time), Options.Create(settings), _time,
            TestMetrics.Create(), logger ?? NullLogger<GroupRobotClient>.Instance);
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual.ToJsonString()}");

    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        ((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).CopyTo(bytes);
        return bytes;
    }

#pragma warning disable CA5351 // WeCom's protocol: an MD5 checksum of the image
    private static string Md5Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351
}
