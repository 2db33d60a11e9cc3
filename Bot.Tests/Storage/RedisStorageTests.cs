using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ChatPost.Bot.Tests.Storage;

public class RedisStorageTests
{
    [Fact]
    public async Task WriteAsync_ThenReadAsync_ReturnsItemWithETag()
    {
        var sut = CreateSut();

        await sut.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "你好" } }, default);
        var items = await sut.ReadAsync(["a", "missing"], default);

        var item = Assert.IsType<Dictionary<string, object>>(Assert.Single(items).Value);
        Assert.Equal("你好", item["Text"]);
        Assert.False(string.IsNullOrEmpty((string?)item["eTag"]));
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsConflictAndKeepsNewerValue()
    {
        var sut = CreateSut();
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } }, default);
        var first = (IDictionary<string, object>)(await sut.ReadAsync(["k"], default))["k"];
        var second = (IDictionary<string, object>)(await sut.ReadAsync(["k"], default))["k"];
        first["Text"] = "from first";
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = first }, default);

        second["Text"] = "from second";
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() => sut.WriteAsync(new Dictionary<string, object> { ["k"] = second }, default));

        Assert.Equal("k", conflict.Key);
        Assert.Equal("from first", await ReadTextAsync(sut, "k"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task WriteAsync_WildcardOrNoETag_Overwrites(string? etag)
    {
        var sut = CreateSut();
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "old" } }, default);

        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "new", ETag = etag } }, default);

        Assert.Equal("new", await ReadTextAsync(sut, "k"));
    }

    [Fact]
    public async Task WriteAsync_StoreItem_ReceivesNewETagSoSecondWriteSucceeds()
    {
        var sut = CreateSut();
        var note = new Note { Text = "one" };
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = note }, default);
        var etag = note.ETag;

        note.Text = "two";
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = note }, default);

        Assert.NotNull(etag);
        Assert.NotEqual(etag, note.ETag);
        Assert.Equal("two", await ReadTextAsync(sut, "k"));
    }

    [Fact]
    public async Task DeleteAsync_RemovesItems()
    {
        var sut = CreateSut();
        await sut.WriteAsync(new Dictionary<string, object> { ["a"] = new Note(), ["b"] = new Note() }, default);

        await sut.DeleteAsync(["a", "b"], default);

        Assert.Empty(await sut.ReadAsync(["a", "b"], default));
    }

    [Fact]
    public async Task ConversationState_ConcurrentTurnsOnSameConversation_SecondSaveConflicts()
    {
        var storage = CreateSut();
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<int>("counter");
        var adapter = new TestAdapter();
        var setup = new TurnContext(adapter, Message(adapter, "zero"));
        await counter.SetAsync(setup, 0);
        await state.SaveChangesAsync(setup);
        var first = new TurnContext(adapter, Message(adapter, "one"));
        var second = new TurnContext(adapter, Message(adapter, "two"));
        await state.LoadAsync(first);
        await state.LoadAsync(second);

        await counter.SetAsync(first, 1);
        await state.SaveChangesAsync(first);
        await counter.SetAsync(first, 2);
        await state.SaveChangesAsync(first);
        await counter.SetAsync(second, 10);

        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(second));
        var reloaded = new TurnContext(adapter, Message(adapter, "three"));
        Assert.Equal(2, await counter.GetAsync(reloaded, () => 0));
    }

    [Fact]
    public async Task ReadAsync_NestedState_KeepsObjectsAsJsonForBotState()
    {
        var sut = CreateSut();
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["Note"] = new Note { Text = "嵌套" }, ["Count"] = 3 } }, default);

        var item = (IDictionary<string, object>)(await sut.ReadAsync(["k"], default))["k"];

        Assert.Equal("嵌套", (string?)Assert.IsType<JObject>(item["Note"])["Text"]);
        Assert.Equal(3L, item["Count"]);
    }

    [Fact]
    public async Task WriteAsync_EmptyStateWhereNothingWasStored_IsNotWritten_ButAStoredStateLeftEmptyIs()
    {
        var sut = CreateSut();
        static Dictionary<string, object> EmptyDialog() => new() { ["DialogState"] = new JObject { ["Stack"] = new JArray(), ["Active"] = null } };

        await sut.WriteAsync(new Dictionary<string, object> { ["new"] = EmptyDialog() }, default);
        Assert.Empty(await sut.ReadAsync(["new"], default));

        await sut.WriteAsync(new Dictionary<string, object> { ["old"] = new Dictionary<string, object> { ["DialogState"] = new JObject { ["Stack"] = new JArray("waiting") } } }, default);
        var stored = (IDictionary<string, object>)(await sut.ReadAsync(["old"], default))["old"];
        stored["DialogState"] = EmptyDialog()["DialogState"];
        await sut.WriteAsync(new Dictionary<string, object> { ["old"] = stored }, default);
        var cleared = (IDictionary<string, object>)(await sut.ReadAsync(["old"], default))["old"];
        Assert.Empty(Assert.IsType<JArray>(((JObject)cleared["DialogState"])["Stack"]));
    }

    private static async Task<string?> ReadTextAsync(RedisStorage sut, string key) =>
        (string?)((IDictionary<string, object>)(await sut.ReadAsync([key], default))[key])["Text"];

    private static Microsoft.Bot.Schema.Activity Message(TestAdapter adapter, string text)
    {
        var activity = adapter.MakeActivity(text);
        activity.ChannelId = "test";
        return activity;
    }

    private static RedisStorage CreateSut([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var options = Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix(test) });
        return new RedisStorage(new RedisConnection(TestRedis.Connection, options), new PrefetchedState(), options, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisStorage>.Instance);
    }

    private sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public string? ETag { get; set; }
    }
}
