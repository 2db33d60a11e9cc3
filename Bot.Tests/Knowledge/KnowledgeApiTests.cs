using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Knowledge;

/// <summary>
/// <c>/api/faq</c> end to end over real Redis: the seed, versions, revert, the audit trail, If-Match, import and export,
/// bad entries; and the bot answering with what the knowledge says now.
/// </summary>
public class KnowledgeApiTests
{
    private static readonly string SeedFile = Path.Combine(AppContext.BaseDirectory, "config", "faq.json");

    [Fact]
    public async Task List_FirstStart_IsTheSeedOfFaqJsonAudited()
    {
        await using var factory = Factory();
        var client = Admin(factory);

        var list = await client.GetFromJsonAsync<JsonObject>("/api/faq");
        var audit = await client.GetFromJsonAsync<JsonArray>("/api/audit");

        var seedIds = SeedIds();
        Assert.Equal(seedIds.Order(), list!["entries"]!.AsArray().Select(entry => (string)entry!["id"]!));
        Assert.All(list["entries"]!.AsArray(), entry => Assert.Equal(("system", 1), ((string)entry!["changedBy"]!, (int)entry["version"]!)));
        Assert.Contains(audit!, line => (string?)line!["action"] == "faq-seeded" && (string?)line["detail"] == $"{seedIds.Count} entries from config/faq.json");
    }

    [Fact]
    public async Task UpdateThenRevert_KeepsEveryVersionAuditsWhoAndTheBotAnswersWithTheCurrent()
    {
        await using var factory = Factory();
        var client = Admin(factory, actor: "王科长");
        var bot = new BotClient(factory.CreateClient());
        var original = await bot.AskAsync("怎么联系你们");

        var updated = await client.PutAsJsonAsync("/api/faq/contacts", Contacts("邮政客服热线 11185，每天 8:00—20:00。"));
        var afterUpdate = await bot.AskAsync("怎么联系你们");
        var reverted = await client.PostAsJsonAsync("/api/faq/contacts/revert", new { version = 1 });
        var afterRevert = await bot.AskAsync("怎么联系你们");
        var history = await client.GetFromJsonAsync<JsonObject>("/api/faq/contacts");
        var audit = await client.GetFromJsonAsync<JsonArray>("/api/audit?count=2");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);
        Assert.Equal("邮政客服热线 11185，每天 8:00—20:00。", afterUpdate);
        Assert.Equal(original, afterRevert);
        Assert.Equal(3, (int)(await reverted.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);
        Assert.Equal([3, 2, 1], history!["versions"]!.AsArray().Select(version => (int)version!["version"]!));
        Assert.Equal(["reverted", "updated", "seeded"], history["versions"]!.AsArray().Select(version => (string)version!["change"]!));
        Assert.Equal(1, (int)history["versions"]![0]!["revertedTo"]!);
        Assert.Equal(original, (string?)history["versions"]![0]!["entry"]!["answer"]);
        Assert.Equal(["faq-reverted", "faq-updated"], audit!.Select(line => (string)line!["action"]!));
        Assert.All(audit!, line => Assert.Equal(("王科长", "faq", "contacts"), ((string)line!["actor"]!, (string)line["area"]!, (string)line["subject"]!)));
    }

    [Fact]
    public async Task DeleteThenRevertThenCreate_NumbersVersionsOnAndTheBotStopsAndResumesAnswering()
    {
        await using var factory = Factory();
        var client = Admin(factory);
        var bot = new BotClient(factory.CreateClient());

        var deleted = await client.DeleteAsync("/api/faq/not-home");
        var whileDeleted = await client.GetFromJsonAsync<JsonObject>("/api/faq/not-home");
        var update = await client.PutAsJsonAsync("/api/faq/not-home", new { questions = new[] { "家里没人怎么办" }, answer = "改" });
        var answerWhileDeleted = await bot.AskAsync("家里没人怎么办");
        var reverted = await client.PostAsJsonAsync("/api/faq/not-home/revert", new { });
        await client.DeleteAsync("/api/faq/not-home");
        var created = await client.PostAsJsonAsync("/api/faq", new { id = "not-home", questions = new[] { "家里没人怎么办" }, answer = "放心，会再投。" });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True((bool)whileDeleted!["deleted"]!);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.DoesNotContain("驿站", answerWhileDeleted, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/faq/not-home", created.Headers.Location?.ToString());
        Assert.Equal(5, (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!);
        Assert.Equal("放心，会再投。", await bot.AskAsync("家里没人怎么办"));
    }

    [Fact]
    public async Task Put_IfMatchAnOlderVersion_Returns412AndWritesNothing()
    {
        await using var factory = Factory();
        var client = Admin(factory);
        await client.PutAsJsonAsync("/api/faq/contacts", Contacts("先改的"));

        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/faq/contacts") { Content = JsonContent.Create(Contacts("后改的")) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var response = await client.SendAsync(stale);
        var current = await client.GetFromJsonAsync<JsonObject>("/api/faq/contacts");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("先改的", (string?)current!["versions"]![0]!["entry"]!["answer"]);
    }

    [Theory]
    [InlineData("POST", "/api/faq", """{"id":"new-one","questions":["问"],"answer":"答","colour":"red"}""", "")]
    [InlineData("POST", "/api/faq", """{"id":"new-one","questions":[],"answer":"答"}""", "questions")]
    [InlineData("POST", "/api/faq", """{"id":"new-one","questions":["问","问"],"answer":"答"}""", "questions")]
    [InlineData("POST", "/api/faq", """{"id":"new-one","questions":["问"],"answer":"  "}""", "answer")]
    [InlineData("POST", "/api/faq", """{"id":"New One","questions":["问"],"answer":"答"}""", "id")]
    [InlineData("POST", "/api/faq", """{"id":"export","questions":["问"],"answer":"答"}""", "id")]
    [InlineData("POST", "/api/faq", """{"id":"new-one","questions":["问"],"answer":"答","business":"parcel"}""", "business")]
    [InlineData("POST", "/api/faq", """{"id":"new-one","questions":["问"],"answer":"答","intent":"3"}""", "intent")]
    [InlineData("POST", "/api/faq", """{"id":"new-one","questions":["客服電話多少？"],"answer":"答"}""", "questions")]
    [InlineData("POST", "/api/faq", """{"id":"new-one","questions":"问","answer":"答"}""", "")]
    [InlineData("POST", "/api/faq", """{"id":"new-one",""", "")]
    [InlineData("PUT", "/api/faq/contacts", """{"id":"other","questions":["问"],"answer":"答"}""", "id")]
    [InlineData("PUT", "/api/faq/contacts", """{"questions":["问"],"answer":"答","keywords":["一二三四五六七八九十一二三四五六七八九十一"]}""", "keywords")]
    [InlineData("POST", "/api/faq/contacts/revert", """{"version":99}""", "version")]
    [InlineData("POST", "/api/faq/import", """{"entries":[]}""", "entries")]
    [InlineData("POST", "/api/faq/import", """{"entries":[{"id":"a","questions":["问"],"answer":"答"},{"id":"a","questions":["问二"],"answer":"答"}]}""", "entries[1].id")]
    public async Task BadEntry_Returns400ProblemDetailsNamingTheFieldAndWritesNothing(string method, string url, string body, string field)
    {
        await using var factory = Factory();
        var client = Admin(factory);
        var before = await client.GetStringAsync("/api/faq");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
        {
            Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        }

        Assert.Equal(before, await client.GetStringAsync("/api/faq"));
    }

    [Theory]
    [InlineData("POST", "/api/faq", """{"id":"contacts","questions":["全新的问题"],"answer":"答"}""", HttpStatusCode.Conflict)]
    [InlineData("PUT", "/api/faq/no-such-entry", """{"questions":["全新的问题"],"answer":"答"}""", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/faq/no-such-entry", null, HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/faq/no-such-entry/revert", "{}", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/faq/no-such-entry", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/faq/Bad%20Id", null, HttpStatusCode.NotFound)]
    public async Task UnknownOrTakenEntry_IsRefusedWithItsStatus(string method, string url, string? body, HttpStatusCode expected)
    {
        await using var factory = Factory();

        var response = await Admin(factory).SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ExportEditImport_ReplacesAtomicallyReportsEachEntryAndAgainChangesNothing()
    {
        await using var factory = Factory();
        var client = Admin(factory);
        var exported = (await client.GetFromJsonAsync<JsonObject>("/api/faq/export"))!;
        var entries = exported["entries"]!.AsArray();
        entries.Single(entry => (string?)entry!["id"] == "contacts")!["answer"] = "邮政客服热线 11183、11185。";
        entries.Remove(entries.Single(entry => (string?)entry!["id"] == "epidemic-safety"));
        entries.Add(new JsonObject { ["id"] = "post-office-hours", ["questions"] = new JsonArray("邮局周日开门吗"), ["answer"] = "以当地网点公告为准。" });
        exported["replace"] = true;

        var first = await client.PostAsJsonAsync("/api/faq/import", exported);
        var second = await client.PostAsJsonAsync("/api/faq/import", exported);
        var report = await first.Content.ReadFromJsonAsync<JsonObject>();
        var again = await second.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["post-office-hours"], Ids(report!["created"]));
        Assert.Equal(["contacts"], Ids(report["updated"]));
        Assert.Equal(["epidemic-safety"], Ids(report["deleted"]));
        Assert.Equal(SeedIds().Count - 2, report["unchanged"]!.AsArray().Count);
        Assert.Equal((long)report["revision"]!, (long)again!["revision"]!);
        Assert.Empty(again["created"]!.AsArray().Concat(again["updated"]!.AsArray()).Concat(again["deleted"]!.AsArray()));
        Assert.Equal("imported", (string?)(await client.GetFromJsonAsync<JsonObject>("/api/faq/contacts"))!["versions"]![0]!["change"]);
    }

    [Fact]
    public async Task Import_OneBadEntryAmongGoodOnes_WritesNone()
    {
        await using var factory = Factory();
        var client = Admin(factory);
        var before = await client.GetStringAsync("/api/faq");

        var response = await client.PostAsJsonAsync("/api/faq/import", new
        {
            entries = new object[]
            {
                new { id = "contacts", questions = new[] { "客服电话多少" }, answer = "新答案" },
                new { id = "bad-one", questions = new[] { "问" }, answer = new string('长', 601) },
            },
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("entries[1].answer"));
        Assert.Equal(before, await client.GetStringAsync("/api/faq"));
    }

    [Fact]
    public async Task EmbeddedMode_ChangesAnswerAtOnce()
    {
        await using var factory = new ChatPostFactory(null, settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = StaffSetup.AdminKey });

        await Admin(factory).PutAsJsonAsync("/api/faq/contacts", Contacts("嵌入模式的新答案"));

        Assert.Equal("嵌入模式的新答案", await new BotClient(factory.CreateClient()).AskAsync("怎么联系你们"));
    }

    [Fact]
    public async Task RedisDown_ChangesAnswer503AndTheBotKeepsTheLastKnowledge()
    {
        using var redis = new PrivateRedisServer();
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Admin:ApiKey"] = StaffSetup.AdminKey,
        });
        var client = Admin(factory);
        await client.PutAsJsonAsync("/api/faq/contacts", Contacts("停机前的答案"));

        redis.Stop();
        var change = await client.PutAsJsonAsync("/api/faq/contacts", Contacts("停机时的答案"));
        var list = await client.GetAsync("/api/faq");
        var answer = await new BotClient(factory.CreateClient()).AskAsync("怎么联系你们");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, change.StatusCode);
        Assert.Equal("application/problem+json", change.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(change.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal("停机前的答案", answer);
    }

    private static object Contacts(string answer) => new
    {
        questions = new[] { "客服电话多少", "怎么联系你们", "投诉电话" },
        answer,
        business = "other",
        intent = "Other",
        keywords = new[] { "电话", "热线" },
    };

    private static List<string> SeedIds() =>
        [.. JsonNode.Parse(string.Join('\n', File.ReadLines(SeedFile).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))))!
            ["Faq"]!["Entries"]!.AsArray().Select(entry => (string)entry!["Id"]!)];

    private static List<string> Ids(JsonNode? array) => [.. array!.AsArray().Select(id => (string)id!)];

    private static ChatPostFactory Factory([System.Runtime.CompilerServices.CallerMemberName] string test = "") =>
        new(TestRedis.Prefix(test), settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = StaffSetup.AdminKey });

    private static HttpClient Admin(ChatPostFactory factory, string? actor = null)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffSetup.AdminKey);
        if (actor is not null)
        {
            client.DefaultRequestHeaders.Add(BroadcastEndpoints.ManagerHeader, actor);
        }

        return client;
    }
}
