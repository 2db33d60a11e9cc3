using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// Bot Builder's <see cref="IStorage"/> on Redis with optimistic concurrency: every item carries an eTag,
/// and a write whose eTag is no longer current fails with <see cref="StorageConflictException"/>.
/// </summary>
/// <remarks>
/// Items are JSON (Newtonsoft, as Bot Builder's state expects) without type names: reads return each item as a
/// dictionary of its top-level properties, objects and arrays as <see cref="JToken"/>s, which <see cref="BotState"/>
/// keeps as its state and converts to the property types on use. Besides
/// <see cref="IStoreItem"/>, the <c>eTag</c> entry of a state dictionary counts, so that ConversationState
/// and UserState are protected too. A missing eTag or <c>*</c> writes unconditionally.
/// While Redis is down, reads return empty items marked <see cref="UnavailableETag"/> and writes are skipped: a turn
/// goes on as for a new conversation and leaves the stored state as it was, never half-written.
/// A key that <see cref="PrefetchedState"/> holds (read by the turn gate on the turn's way in) is served from there,
/// without a round trip.
/// </remarks>
public sealed class RedisStorage(RedisConnection redis, PrefetchedState prefetched, IOptions<RedisOptions> options, ILogger<RedisStorage> logger)
    : IStorage
{
    private const string ETagField = "eTag";

    /// <summary>The eTag of an item read while Redis was down: a write of it is skipped.</summary>
    public const string UnavailableETag = "unavailable";

    // Returns 1 when written, 0 when the stored eTag differs from the expected one.
    private const string WriteScript = """
        local current = redis.call('HGET', KEYS[1], 'e')
        if ARGV[1] ~= '' and current and current ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'e', ARGV[2], 'v', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    // Bot Builder saves state only when its JSON hash changed since the read, and hashes with JsonConvert's defaults.
    // Stored as those defaults would write it (nulls included) and read back without turning dates into DateTime,
    // an unchanged state hashes the same and costs no write.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        MaxDepth = 64,
    });

    private readonly RedisValue _timeToLiveMs = (long)options.Value.StateTimeToLive.TotalMilliseconds;

    /// <inheritdoc/>
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new PrefetchedState.Item[keys.Length];
        Task<RedisValue[]>?[]? reads = null;
        for (var i = 0; i < keys.Length; i++)
        {
            if (!prefetched.TryTake(keys[i], out found[i]))
            {
                reads ??= new Task<RedisValue[]>?[keys.Length];
                reads[i] = redis.Database.HashGetAsync(RedisKeys.State(keys[i]), ["e", "v"]);
            }
        }

        if (reads is not null)
        {
            try
            {
                await Task.WhenAll(reads.OfType<Task<RedisValue[]>>());
            }
            catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
            {
                logger.StorageUnavailable("reading conversation state", exception);
                return keys.ToDictionary(key => key, _ => (object)new Dictionary<string, object> { [ETagField] = UnavailableETag },
                    StringComparer.Ordinal);
            }

            for (var i = 0; i < keys.Length; i++)
            {
                if (reads[i] is { } read)
                {
                    var fields = read.Result;
                    found[i] = new PrefetchedState.Item((string?)fields[0], (string?)fields[1]);
                }
            }
        }

        var items = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            if (string.IsNullOrEmpty(found[i].Json))
            {
                continue;
            }

            var item = Parse(found[i].Json!);
            item[ETagField] = found[i].ETag;
            items[keys[i]] = item;
        }

        return items;
    }

    /// <inheritdoc/>
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var json = JObject.FromObject(value, Serializer);
            json.Remove(ETagField);
            var etag = StoredETag(value);
            if (etag == UnavailableETag)
            {
                continue; // Read while Redis was down: writing it now would overwrite the state stored before.
            }

            if (value is IDictionary<string, object> state && !state.ContainsKey(ETagField) && IsEmpty(json))
            {
                // BotState's state of a key read as absent, left empty: a conversation whose dialog began and ended in
                // this turn (a tracking question, a citizen's first message) leaves {"DialogState":{"Stack":[],"Active":null}}.
                // The next read finds nothing and makes the same state; writing it would cost every first contact a round trip.
                continue;
            }

            var expected = etag is null or "*" ? "" : etag;

            var next = Guid.NewGuid().ToString("N");
            long written;
            try
            {
                written = (long)await redis.Database.ScriptEvaluateAsync(WriteScript, [RedisKeys.State(key)],
                    [expected, next, json.ToString(Formatting.None), _timeToLiveMs]);
            }
            catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
            {
                logger.StorageUnavailable("saving conversation state", exception);
                continue;
            }

            if (written == 0)
            {
                throw new StorageConflictException(key);
            }

            // The caller keeps the object it wrote: give it the new eTag so a second save in the same turn succeeds.
            RememberETag(value, next);
        }
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return DeleteStateAsync(keys);
    }

    private async Task DeleteStateAsync(string[] keys)
    {
        try
        {
            // One DEL per key: the keys may belong to different users, so to different slots of a Redis Cluster.
            await Task.WhenAll(keys.Select(key => redis.Database.KeyDeleteAsync(RedisKeys.State(key))));
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            logger.StorageUnavailable("deleting conversation state", exception);
        }
    }

    // BotState keeps a dictionary as its state, but turns a JObject into one through the serializer
    // (ToObject<IDictionary<string, object>>): reading straight into the dictionary that conversion would give (objects
    // and arrays as JTokens, primitives as their values) saves a JObject and a serializer pass on every turn.
    private static Dictionary<string, object?> Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            MaxDepth = 64,
            ArrayPool = JsonCharPool.Instance,
        };
        if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonReaderException("A stored state item is not a JSON object.");
        }

        var item = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
            var value = JToken.ReadFrom(reader);
            item[name] = value is JValue primitive ? primitive.Value : value;
        }

        return item;
    }

    /// <summary>The eTag the item was read with: null when nothing was stored (or a new item), <c>*</c> to overwrite.</summary>
    private static string? StoredETag(object value) => value switch
    {
        IStoreItem item => item.ETag,
        IDictionary<string, object> state when state.TryGetValue(ETagField, out var stored) => stored?.ToString(),
        JObject json => (string?)json[ETagField],
        _ => null,
    };

    /// <summary>Nulls, empty arrays, and objects of nothing else: what reading nothing would make again.</summary>
    internal static bool IsEmpty(JToken token) => token switch
    {
        JObject json => json.Properties().All(property => IsEmpty(property.Value)),
        JArray array => array.Count == 0,
        _ => token.Type == JTokenType.Null,
    };

    private static void RememberETag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case IDictionary<string, object> state:
                state[ETagField] = etag;
                break;
            case JObject json:
                json[ETagField] = etag;
                break;
        }
    }
}
