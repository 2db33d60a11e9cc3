using System.Text.RegularExpressions;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Console;
using ChatPost.Bot.Dialogs.Understanding;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.Console;

/// <summary>The knowledge pages (知识库) in the browser, over the one knowledge service the admin API uses.</summary>
[Collection(ConsoleBrowserGroup.Name)]
public partial class KnowledgePagesTests(ConsoleBrowser browser)
{
    // Nothing in the seeded knowledge answers it (the nearest entry, service-area, falls short); it asks where the post delivers.
    private const string Unanswered = "封村了还能送进来吗";

    [Fact]
    public async Task Operator_TurnsAnUnansweredQuestionIntoAParaphrase_AndTheBotThenAnswersIt()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var insight = site.Factory.Services.GetRequiredService<ChatPost.Bot.Knowledge.KnowledgeInsight>();
        Assert.Equal("noAnswer", Assert.Single(insight.Explain(Unanswered).Answers).Kind);
        var citizen = new BotClient(site.Factory.CreateClient(), "oKnowledgePagesCitizen");
        var before = await citizen.AskAsync(Unanswered);
        var page = await site.OpenAsync(ConsoleBrowser.Phone);
        await ConsoleSite.SignInAsOperatorAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "控制台" }).GetByRole(AriaRole.Link, new() { Name = "知识库" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "知识库" }).GetByRole(AriaRole.Link, new() { Name = "未答问题" }).ClickAsync();
        var group = await ListedAsync(page, Unanswered);
        await ConsoleSite.ScreenshotBothWidthsAsync(page, "knowledge-unanswered");
        await group.GetByLabel("加为问法到").SelectOptionAsync("service-area");
        await group.GetByRole(AriaRole.Button, new() { Name = "加为问法" }).ClickAsync();

        var questions = page.GetByLabel("问法");
        Assert.EndsWith(Unanswered, (await questions.InputValueAsync()).TrimEnd(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存为第 2 版");

        // The explain box, from the saved entry: the question now reaches it.
        await page.GetByRole(AriaRole.Button, new() { Name = $"试一试：机器人现在怎么回答“{Unanswered}”" }).ClickAsync();
        var answers = page.GetByRole(AriaRole.List, new() { Name = "逐个问题" });
        await Assertions.Expect(answers).ToContainTextAsync("知识条目");
        await Assertions.Expect(answers.GetByRole(AriaRole.Link, new() { Name = "service-area" })).ToBeVisibleAsync();
        await Assertions.Expect(answers).ToContainTextAsync(ChineseIntent());
        await AssertNoIntentNameShownAsync(page);
        await ConsoleSite.ScreenshotBothWidthsAsync(page, "knowledge-explain");

        // And the citizen who asked gets the entry's answer now, where before the bot had none.
        var entry = (await site.Factory.Services.GetRequiredService<ChatPost.Bot.Knowledge.IKnowledgeStore>().GetLatestAsync("service-area", default))!.Entry;
        Assert.NotEqual(entry.Answer, before);
        Assert.Equal(entry.Answer, await citizen.AskAsync(Unanswered));
        await AssertAuditedAsync(site, "faq-updated", "service-area");
    }

    [Fact]
    public async Task Operator_EditsAnEntry_ThenRevertsIt_AndTheBotAnswersAsBefore()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var citizen = new BotClient(site.Factory.CreateClient(), "oKnowledgeEditCitizen");
        var store = site.Factory.Services.GetRequiredService<ChatPost.Bot.Knowledge.IKnowledgeStore>();
        var seeded = (await store.GetLatestAsync("invoice-postage-free", default))!.Entry;
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await ConsoleSite.SignInAsOperatorAsync(page);
        await page.GotoAsync("/console/knowledge");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索条目" }).FillAsync("invoice-postage-free");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await ConsoleSite.ScreenshotBothWidthsAsync(page, "knowledge");
        await page.GetByRole(AriaRole.Link, new() { Name = seeded.Questions[0] }).ClickAsync();
        // The intent the entry is filed under, in the words staff use; the form still posts its stored name.
        var intent = page.GetByLabel("对应意图");
        await Assertions.Expect(intent).ToHaveValueAsync(nameof(Intent.Postage));
        Assert.Equal("邮费", await intent.Locator("option:checked").InnerTextAsync());

        const string Changed = "发票邮寄免费，邮费由税务部门承担（试行口径，以电子税务局公告为准）。";
        await page.GetByLabel("回答").FillAsync(Changed);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存为第 2 版");
        Assert.Equal(Changed, await citizen.AskAsync(seeded.Questions[0]));

        var versions = page.GetByRole(AriaRole.List, new() { Name = "历史版本" }).Locator("> li");
        await Assertions.Expect(versions).ToHaveCountAsync(2);
        await Assertions.Expect(versions.First).ToContainTextAsync("改动：回答");
        await page.GetByRole(AriaRole.Button, new() { Name = "回退到第 1 版" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存为第 3 版");
        await Assertions.Expect(page.GetByLabel("回答")).ToHaveValueAsync(seeded.Answer);
        await Assertions.Expect(versions).ToHaveCountAsync(3);
        await Assertions.Expect(versions.First).ToContainTextAsync("回退到第 1 版（当前）");
        await ConsoleSite.ScreenshotBothWidthsAsync(page, "knowledge-entry");
        await AssertNoIntentNameShownAsync(page); // nor in the versions' contents
        Assert.Equal(seeded.Answer, await citizen.AskAsync(seeded.Questions[0]));
        await AssertAuditedAsync(site, "faq-reverted", "invoice-postage-free");
    }

    [Fact]
    public async Task TwoOperatorsEditTheSameEntry_TheSecondIsToldAndNothingOfTheFirstIsLost()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var first = await site.OpenAsync(ConsoleBrowser.Desk);
        var second = await site.OpenAsync(ConsoleBrowser.Desk);
        foreach (var page in new[] { first, second })
        {
            await ConsoleSite.SignInAsOperatorAsync(page);
            await page.GotoAsync("/console/knowledge/entry?id=contacts");
        }

        await first.GetByLabel("关键词").FillAsync("热线 电话");
        await first.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存为第 2 版");
        await second.GetByLabel("回答").FillAsync("另一个回答");
        await second.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();

        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("已被别人修改");
        await Assertions.Expect(second.GetByLabel("回答")).ToHaveValueAsync("另一个回答"); // what they typed is still there
        var latest = (await site.Factory.Services.GetRequiredService<ChatPost.Bot.Knowledge.IKnowledgeStore>().GetLatestAsync("contacts", default))!;
        Assert.Equal(2, latest.Version);
        Assert.Equal(["热线", "电话"], latest.Entry.Keywords);
    }

    [Fact]
    public async Task AParaphraseAnotherEntryHas_IsRefusedBesideTheField_NamingThatEntry()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var store = site.Factory.Services.GetRequiredService<ChatPost.Bot.Knowledge.IKnowledgeStore>();
        var taken = (await store.GetLatestAsync("service-hours", default))!.Entry.Questions[0];
        var page = await site.OpenAsync(ConsoleBrowser.Phone);
        await ConsoleSite.SignInAsOperatorAsync(page);
        await page.GotoAsync("/console/knowledge/entry?question=" + Uri.EscapeDataString(taken));

        await page.GetByLabel("编号").FillAsync("hours-copy");
        await page.GetByLabel("回答").FillAsync("同上");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建条目" }).ClickAsync();

        await Assertions.Expect(page.Locator("#questions-error")).ToContainTextAsync($"已经是条目 service-hours 的问法");
        await Assertions.Expect(page.GetByLabel("问法")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await store.GetLatestAsync("hours-copy", default));
    }

    [Fact]
    public async Task AManager_HasNoKnowledgePages()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Phone);
        await site.SignInWithWeComAsync(page, StaffSetup.ProvinceManager);

        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "控制台" }).GetByRole(AriaRole.Link, new() { Name = "知识库" })).ToHaveCountAsync(0);
        await page.GotoAsync("/console/knowledge/entry?id=contacts");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
    }

    /// <summary>The group of <paramref name="question"/> in the unanswered list, reloading while the bot's writer has not stored it yet.</summary>
    private static async Task<ILocator> ListedAsync(IPage page, string question)
    {
        var group = page.GetByRole(AriaRole.List, new() { Name = "未答问题" }).Locator("> li").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"“{question}”" }) });
        for (var attempt = 0; attempt < 50 && await group.CountAsync() == 0; attempt++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        await Assertions.Expect(group).ToHaveCountAsync(1);
        return group;
    }

    /// <summary>No intent's stored name (<c>Postage</c>, <c>Other</c>…) is in the page's text, folded parts and list options included.</summary>
    private static async Task AssertNoIntentNameShownAsync(IPage page)
    {
        var text = await page.Locator("main").TextContentAsync() ?? "";
        Assert.All(Enum.GetNames<Intent>(), name => Assert.DoesNotMatch($@"\b{name}\b", text));
    }

    // The explain box names the intent it recognised, in Chinese.
    [GeneratedRegex("识别为意图“[^A-Za-z”]+”")]
    private static partial Regex ChineseIntent();

    private static async Task AssertAuditedAsync(ConsoleSite site, string action, string entryId)
    {
        var page = await site.Factory.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery(null, action, null, null, null, Count: 10), default);
        Assert.Contains(page.Entries, entry => entry.Subject == entryId && entry.Origin == "console" && entry.Actor == ConsoleUser.OperatorId);
    }
}
