using System.Globalization;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// Every Redis key shape in one place. Keys are relative: the environment prefix
/// (<see cref="RedisOptions.KeyPrefix"/>) is added by <see cref="RedisConnection"/>.
/// </summary>
internal static class RedisKeys
{
    /// <summary>Bot Builder state under its storage key (<c>{channel}/conversations/{id}</c> and the like).</summary>
    public static RedisKey State(string storageKey) => "state:" + storageKey;

    /// <summary>The claim, then the reply, of one inbound message: what makes WeChat's retries idempotent.</summary>
    public static RedisKey Reply(string channelId, string dedupeKey) => $"reply:{channelId}:{dedupeKey}";

    /// <summary>A mutual-exclusion lock.</summary>
    public static RedisKey Lock(string name) => "lock:" + name;

    /// <summary>The cached access_token of one WeChat or WeCom account.</summary>
    public static RedisKey AccessToken(string account) => "token:" + account;

    /// <summary>How many lookups a user made in one minute (Unix minutes).</summary>
    public static RedisKey LookupQuota(string userId, long minute) => $"quota:lookup:{userId}:{minute}";

    // Ingestion. Every key below carries the hash tag {postal}: the ingestion scripts write a shipment, its phone
    // index and a day's counters in one atomic call, which Redis Cluster allows only within one hash slot.

    /// <summary>
    /// Hash of one tracking number (normalised): its latest event, event count, the marker of every distinct
    /// event, and the first time of each status that the counters counted.
    /// </summary>
    public static RedisKey Shipment(string trackingNo) => "{postal}:ship:" + trackingNo;

    /// <summary>Sorted set of the tracking numbers addressed to one receiver phone, scored by event time (Unix ms).</summary>
    public static RedisKey ShipmentsByPhone(string phone) => "{postal}:phone:" + phone;

    /// <summary>Hash of one invoice application's latest state.</summary>
    public static RedisKey InvoiceApplication(string applicationNo) => "{postal}:invoice:" + applicationNo;

    /// <summary>Sorted set of one taxpayer's application numbers, scored by their latest time (Unix ms).</summary>
    public static RedisKey InvoicesByTaxpayer(string taxpayerId) => "{postal}:taxpayer:" + taxpayerId;

    /// <summary>
    /// Hash of one China day's progress counters, field <c>{city}|{business}|{status}</c> (wire names). The key
    /// ends with the day as <c>yyyy-MM-dd</c>: the shipment script relies on that to reach another day's counters
    /// when it moves a count.
    /// </summary>
    public static RedisKey Progress(DateOnly day) => "{postal}:progress:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Hash of the same counters summed over the week (Monday to Sunday) that starts on <paramref name="monday"/>, so
    /// that long ranges read a few weeks rather than every day. Ends with the Monday as <c>yyyy-MM-dd</c>, like
    /// <see cref="Progress"/>.
    /// </summary>
    public static RedisKey ProgressWeek(DateOnly monday) => "{postal}:progress-week:" + monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
