using System.Net.Http.Json;
using System.Text;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Channels.WeCom.GroupRobot;

/// <summary>The fake is only worth its tests if it refuses what WeCom refuses: checked here with hand-written bodies.</summary>
public sealed class FakeWebhookTests : IAsyncLifetime, IDisposable
{
    private const string Key = "fake-key";

    private readonly WaitSignalingTimeProvider _time = new();
    private readonly HttpClient _http = new();
    private FakeWebhook _sut = null!;

    public async Task InitializeAsync() => _sut = await FakeWebhook.StartAsync(_time);

    public async Task DisposeAsync() => await _sut.DisposeAsync();

    public void Dispose() => _http.Dispose();

    public static TheoryData<string, string, int> Bodies => new()
    {
        { "text", """{"msgtype":"text","text":{"content":"你好","mentioned_list":["@all"]}}""", 0 },
        { "text at 2048 bytes", Text(new string('a', 2048)), 0 },
        { "text over 2048 bytes", Text(new string('a', 2049)), FakeWebhook.ContentTooLong },
        { "Chinese text over 2048 bytes", Text(string.Concat(Enumerable.Repeat("中", 683))), FakeWebhook.ContentTooLong },
        { "empty text", Text(""), FakeWebhook.EmptyContent },
        { "misspelt field", """{"msgtype":"text","text":{"content":"你好","mentionedList":["@all"]}}""", FakeWebhook.InvalidParameter },
        { "mentions not a list", """{"msgtype":"text","text":{"content":"你好","mentioned_list":"@all"}}""", FakeWebhook.InvalidParameter },
        { "markdown over 4096 bytes", $$$"""{"msgtype":"markdown","markdown":{"content":"{{{new string('m', 4097)}}}"}}""", FakeWebhook.ContentTooLong },
        { "unknown msgtype", """{"msgtype":"markdown_v3","markdown_v3":{"content":"x"}}""", FakeWebhook.InvalidMessageType },
        { "extra top-level field", """{"msgtype":"text","text":{"content":"x"},"safe":0}""", FakeWebhook.InvalidParameter },
        { "not JSON", "msgtype=text", FakeWebhook.InvalidMessageType },
        { "PNG with its md5", Image([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], md5: null), 0 },
        { "wrong md5", Image([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], md5: "00000000000000000000000000000000"), FakeWebhook.InvalidParameter },
        { "GIF", Image("GIF89a"u8.ToArray(), md5: null), FakeWebhook.InvalidImage },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Post_Body_AnswersWhatWeComWould(string scenario, string body, int expected)
    {
        var errorCode = await PostAsync(Key, body);

        Assert.True(expected == errorCode, $"{scenario}: errcode {errorCode}");
        Assert.Equal(expected == 0 ? 1 : 0, _sut.MessagesFor(Key).Count);
    }

    [Fact]
    public async Task Post_RejectedKey_Answers93000()
    {
        _sut.RejectKey(Key);

        Assert.Equal(FakeWebhook.InvalidWebhookUrl, await PostAsync(Key, Text("x")));
    }

    [Fact]
    public async Task Post_21stInAMinuteWhileEnforcing_Answers45009UntilTheMinuteMoves()
    {
        _sut.EnforceRateLimit = true;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(0, await PostAsync(Key, Text("x")));
        }

        var twentyFirst = await PostAsync(Key, Text("x"));
        var otherKey = await PostAsync("other", Text("x"));
        _time.Advance(TimeSpan.FromMinutes(1));
        var nextMinute = await PostAsync(Key, Text("x"));

        Assert.Equal([FakeWebhook.TooFrequent, 0, 0], [twentyFirst, otherKey, nextMinute]);
    }

    [Fact]
    public async Task Post_SeededRandomFaults_FailTheSameRequestsEveryRun()
    {
        var runs = new List<int[]>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await using var fake = await FakeWebhook.StartAsync(_time);
            fake.FailRandomly(0.3, FakeWebhook.Fault.Throttled, seed: 42);
            var url = fake.WebhookUrl + "?key=" + Key;
            var answers = new int[20];
            for (var i = 0; i < answers.Length; i++)
            {
                answers[i] = await PostAsync(url, Text("x"), absolute: true);
            }

            runs.Add(answers);
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.InRange(runs[0].Count(code => code == FakeWebhook.TooFrequent), 2, 12);
    }

    private async Task<int> PostAsync(string key, string body, bool absolute = false)
    {
        var url = absolute ? key : _sut.WebhookUrl + "?key=" + Uri.EscapeDataString(key);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(url), content);
        var answer = await response.Content.ReadFromJsonAsync<Answer>();
        return answer!.Errcode;
    }

    private static string Text(string content) => $$$"""{"msgtype":"text","text":{"content":"{{{content}}}"}}""";

#pragma warning disable CA5351 // WeCom's protocol: an MD5 checksum of the image
    private static string Image(byte[] bytes, string? md5) =>
        $$$"""{"msgtype":"image","image":{"base64":"{{{Convert.ToBase64String(bytes)}}}","md5":"{{{md5 ?? Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes))}}}"}}""";
#pragma warning restore CA5351

    private sealed record Answer(int Errcode, string Errmsg);
}
