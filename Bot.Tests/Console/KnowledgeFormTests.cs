using System.Net;
using ChatPost.Bot.Knowledge;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPost.Bot.Tests.Console;

/// <summary>
/// The knowledge editor's form, posted by a signed-in operator with what no page would send: each post is answered with the
/// page and its reasons (or refused), never a 5xx, and nothing is written.
/// </summary>
public class KnowledgeFormTests
{
    public static TheoryData<string, string[]> Hostile => new()
    {
        { "an answer of 100,000 characters", ["id", "contacts", "version", "1", "questions", "客服电话", "answer", new string('长', 100_000)] },
        { "10,000 paraphrases", ["id", "contacts", "version", "1", "questions", string.Join('\n', Enumerable.Range(0, 10_000).Select(i => $"问法{i}")), "answer", "a"] },
        { "a version that is not a number", ["id", "contacts", "version", "1e9", "questions", "客服电话", "answer", "a"] },
        { "an id that walks out of the key space", ["id", "../../broadcasts", "questions", "客服电话", "answer", "a"] },
        { "an id the API reserves", ["id", "unanswered", "questions", "某个问法", "answer", "a"] },
        { "an unknown business line and intent", ["id", "contacts", "version", "1", "questions", "客服电话", "answer", "a", "business", "<script>", "intent", "Drop"] },
        { "control characters and lone surrogates", ["id", "contacts", "version", "1", "questions", "\u0000\u0007\ud800", "answer", "\u001b[31m"] },
        { "the same field twice", ["id", "contacts", "id", "other", "version", "1", "version", "2", "questions", "客服电话", "answer", "a"] },
        { "a stale version", ["id", "contacts", "version", "7", "questions", "客服电话", "answer", "a"] },
        { "a revert to a version never kept", ["_form", "revert", "id", "contacts", "version", "1", "to", "99"] },
        { "a revert without a version", ["_form", "revert", "id", "contacts", "version", "1", "to", "-1"] },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task AnOperatorPostsWhatNoPageSends_ThePageSaysWhyAndNothingIsWritten(string attack, string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = StaffSetup.AdminKey });
        using var console = new ConsoleClient(factory);
        Assert.True(await console.SignInAsync(StaffSetup.AdminKey));
        var form = new MultipartFormDataContent();
        var handler = "entry";
        for (var i = 0; i < fields.Length; i += 2)
        {
            if (fields[i] == "_form")
            {
                handler = fields[i + 1];
                continue;
            }

            form.Add(new StringContent(fields[i + 1]), fields[i]);
        }

        var response = await console.PostPageFormAsync("/console/knowledge/entry?id=contacts", handler, form);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{attack}: {response.StatusCode}");
        var store = factory.Services.GetRequiredService<IKnowledgeStore>();
        Assert.Equal(1, (await store.GetLatestAsync("contacts", default))!.Version);
        Assert.Equal(1, (await store.ReadAsync(default)).Entries.Max(version => version.Version));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the reason is on the page
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a question of 100,000 characters")]
    public async Task TheExplainBox_GivenNothingOrTooMuch_SaysWhyBesideTheField(string question)
    {
        await using var factory = new ChatPostFactory(TestRedis.Prefix(), settings: new Dictionary<string, string?> { ["Admin:ApiKey"] = StaffSetup.AdminKey });
        using var console = new ConsoleClient(factory);
        Assert.True(await console.SignInAsync(StaffSetup.AdminKey));
        var text = question.StartsWith("a question", StringComparison.Ordinal) ? new string('问', 100_000) : question;

        var response = await console.PostPageFormAsync("/console/knowledge/explain", "explain", new MultipartFormDataContent { { new StringContent(text), "question" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"question-error\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("机器人会这样回答", page, StringComparison.Ordinal);
    }
}
