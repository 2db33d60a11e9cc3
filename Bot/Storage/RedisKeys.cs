using System.Globalization;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// Every Redis key shape in one place. Keys are relative: the environment prefix
/// (<see cref="RedisOptions.KeyPrefix"/>) is added by <see cref="RedisConnection"/>.
/// </summary>
internal static class RedisKeys
{
    // A user's keys share the hash tag {userId}: the turn gate claims a message, takes the user's turn lock and
    // reads the conversation's state in one script, which Redis Cluster allows only within one hash slot.

    /// <summary>
    /// Bot Builder state under its storage key (<c>{channel}/conversations/{id}</c>, <c>{channel}/users/{id}</c>),
    /// its last segment (the user) as the hash tag.
    /// </summary>
    public static RedisKey State(string storageKey)
    {
        var user = storageKey.LastIndexOf('/') + 1;
        return $"state:{storageKey.AsSpan(0, user)}{{{storageKey.AsSpan(user)}}}";
    }

    /// <summary>The claim, then the reply, of one inbound message: what makes WeChat's retries idempotent.</summary>
    public static RedisKey Reply(TurnKeys turn) => $"reply:{turn.ChannelId}:{{{turn.UserId}}}:{turn.DedupeKey}";

    /// <summary>A mutual-exclusion lock (a user's turn lock: <see cref="TurnKeys.LockName"/>, with the user's hash tag).</summary>
    public static RedisKey Lock(string name) => "lock:" + name;

    /// <summary>
    /// The send times of one WeCom group robot in its rolling minute (a sorted set scored in Unix milliseconds),
    /// keyed by the SHA-256 of the webhook key: the key itself is a secret and never reaches Redis.
    /// </summary>
    public static RedisKey RobotSends(string webhookKeyHash) => "robot:sends:" + webhookKeyHash;

    /// <summary>Replies that missed the passive window, waiting to go through the API (a stream).</summary>
    public static readonly RedisKey LateReplies = "late-replies";

    /// <summary>The cached access_token of one WeChat or WeCom account.</summary>
    public static RedisKey AccessToken(string account) => "token:" + account;

    /// <summary>
    /// How many lookups a user made in one minute (Unix minutes), under the user's hash tag: the turn gate takes a
    /// unit in its entry script.
    /// </summary>
    public static RedisKey LookupQuota(string userId, long minute) => $"quota:lookup:{{{userId}}}:{minute}";

    /// <summary>
    /// One user's notification record (<c>Notifications/UserWatches</c>): their watches, when they last wrote and what waits
    /// for them. Under the user's hash tag: the turn gate's entry script stamps each message in it.
    /// </summary>
    public static RedisKey Notifications(string userId) => $"notify:{{{userId}}}";

    /// <summary>The items a user's last answer offered to watch, for a bare 提醒 (short-lived).</summary>
    public static RedisKey NotificationOffer(string userId) => $"notify:offer:{{{userId}}}";

    /// <summary>
    /// One WeCom 智能机器人 stream (a hash: state, content, images, start), under its asker's hash tag: the claim of its
    /// message, what refreshes read, and whether its answer went to the stream or to the response_url.
    /// </summary>
    public static RedisKey AiRobotStream(AiRobotStreamKey stream) => $"airobot:stream:{{{stream.UserId}}}:{stream.StreamId}";

    /// <summary>The streams of one 智能机器人 user still in flight (a sorted set scored by when WeCom gives up on each, Unix ms).</summary>
    public static RedisKey AiRobotInFlight(string userId) => $"airobot:inflight:{{{userId}}}";

    // Ingestion. Every key below carries the hash tag {postal}: the ingestion scripts write a shipment, its phone
    // index and a day's counters in one atomic call, which Redis Cluster allows only within one hash slot.

    /// <summary>
    /// Hash of one tracking number (normalised): its latest event, event count, the marker of every distinct
    /// event, and the first time of each status that the counters counted.
    /// </summary>
    public static RedisKey Shipment(string trackingNo) => "{postal}:ship:" + trackingNo;

    /// <summary>
    /// What a lookup reads of a <see cref="Shipment"/>: the event count, the latest event, the receiver's phone and the
    /// application number.
    /// </summary>
    public static readonly RedisValue[] ShipmentSummary = ["n", "l", "p", "a"];

    /// <summary>Sorted set of the tracking numbers addressed to one receiver phone, scored by event time (Unix ms).</summary>
    public static RedisKey ShipmentsByPhone(string phone) => "{postal}:phone:" + phone;

    /// <summary>Hash of one invoice application's latest state.</summary>
    public static RedisKey InvoiceApplication(string applicationNo) => "{postal}:invoice:" + applicationNo;

    /// <summary>
    /// Set of the users who watch an item (<c>WatchedItem.Key</c>): the ingestion scripts read it with the item they change,
    /// when the item's record (<see cref="Shipment"/>, <see cref="InvoiceApplication"/>) has the field <c>w</c>.
    /// </summary>
    public static RedisKey Watchers(string itemKey) => "{postal}:watchers:" + itemKey;

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

    // Broadcast keys share the hash tag {bc}: the scripts that touch several of them must also run on Redis Cluster.

    /// <summary>A broadcast's record (JSON).</summary>
    public static RedisKey Broadcast(string id) => "{bc}:broadcast:" + id;

    /// <summary>A broadcast's state: scheduled, sending or cancelled.</summary>
    public static RedisKey BroadcastState(string id) => "{bc}:state:" + id;

    /// <summary>A broadcast's delivery states, a hash by group id.</summary>
    public static RedisKey Deliveries(string id) => "{bc}:deliveries:" + id;

    /// <summary>The groups whose delivery of a broadcast is final (a hash: each group once).</summary>
    public static RedisKey FinalDeliveries(string id) => "{bc}:final:" + id;

    /// <summary>How many of a broadcast's deliveries are not final yet.</summary>
    public static RedisKey RemainingDeliveries(string id) => "{bc}:remaining:" + id;

    /// <summary>The delivery queue: a stream of (broadcast, group) entries read by the consumer group <c>senders</c>.</summary>
    public static readonly RedisKey DeliveryStream = "{bc}:stream";

    /// <summary>The broadcast id that an idempotency key produced.</summary>
    public static RedisKey BroadcastIdempotency(string key) => "{bc}:idem:" + key;

    /// <summary>Scheduled broadcasts by due time (Unix ms).</summary>
    public static readonly RedisKey ScheduledBroadcasts = "{bc}:scheduled";

    /// <summary>One manager's scheduled broadcasts by creation time, for "撤回".</summary>
    public static RedisKey ScheduledBy(string managerId) => "{bc}:scheduled-by:" + managerId;

    /// <summary>Set once the completion summary of a broadcast was claimed.</summary>
    public static RedisKey BroadcastSummary(string id) => "{bc}:summary:" + id;

    /// <summary>Every broadcast of the retention period by creation time (Unix ms), for the console's list.</summary>
    public static readonly RedisKey RecentBroadcasts = "{bc}:recent";

    // The knowledge base. Its keys carry the hash tag {bc} of the admin data: a change writes the entries, their
    // histories, the revision and its lines of the audit trail (Audit) in one script, which Redis Cluster allows only
    // within one hash slot. Changes are rare, so sharing the slot with broadcasts costs nothing.

    /// <summary>The knowledge base's revision: a counter every write moves on, which each replica polls.</summary>
    public static readonly RedisKey KnowledgeRevision = "{bc}:faq:revision";

    /// <summary>Hash of every entry that is not deleted: id → its current version (JSON).</summary>
    public static readonly RedisKey KnowledgeEntries = "{bc}:faq:entries";

    /// <summary>Hash of every entry ever written: id → its newest version number, deletions included.</summary>
    public static readonly RedisKey KnowledgeVersions = "{bc}:faq:versions";

    /// <summary>One entry's kept versions (JSON), newest first.</summary>
    public static RedisKey KnowledgeHistory(string id) => "{bc}:faq:history:" + id;

    /// <summary>
    /// The audit trail of every admin area (a capped stream of <c>AuditEntry</c> JSON): under <c>{bc}</c> because the
    /// broadcast and knowledge scripts add their line in the same call as their change.
    /// </summary>
    public static readonly RedisKey Audit = "{bc}:audit";

    /// <summary>A day's counts of the questions the bot could not answer (anonymous question → count), under the day's own hash tag.</summary>
    public static RedisKey UnansweredCounts(DateOnly day) => $"{{faq-unanswered:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}}:counts";

    /// <summary>What the bot last chose for each of a day's unanswered questions (JSON), beside <see cref="UnansweredCounts"/>.</summary>
    public static RedisKey UnansweredLast(DateOnly day) => $"{{faq-unanswered:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}}:last";

    /// <summary>The console's data-protection key ring (a list of XML keys), shared by every replica for its cookies.</summary>
    public static readonly RedisKey DataProtectionKeys = "console:data-protection-keys";
}
