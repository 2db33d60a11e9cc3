using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Storage;

/// <summary>
/// Redis Cluster runs a script or a transaction only when all its keys hash to one slot. Each row is the key set of
/// one script (as its caller builds it, under the environment prefix): they must share a slot whatever the ids.
/// </summary>
public class RedisKeysSlotTests
{
    private const string Prefix = "chatpost:production:";

    public static TheoryData<string, RedisKey[]> ScriptKeySets()
    {
        var data = new TheoryData<string, RedisKey[]>();
        foreach (var (user, id, other) in new[] { ("oAbc-123_x", "b20200304101500abcd", "g7"), ("wwUser.9", "b20261206000000ffff", "group-2") })
        {
            var turn = new TurnKeys("wechat-mp", user, "12345678901234567");
            data.Add("turn gate: enter", [RedisKeys.Reply(turn), RedisKeys.Lock(turn.LockName), RedisKeys.State(turn.ConversationStateKey),
                RedisKeys.Notifications(user), RedisKeys.LookupQuota(user, 29_000_000)]);
            data.Add("turn gate: leave", [RedisKeys.Reply(turn), RedisKeys.Lock(turn.LockName)]);
            data.Add("watches: forget a user", [RedisKeys.Notifications(user), RedisKeys.NotificationOffer(user)]);
            var stream = new AiRobotStreamKey(user, "c3RyZWFtLWlk");
            data.Add("智能机器人 stream: claim, finish", [RedisKeys.AiRobotStream(stream), RedisKeys.AiRobotInFlight(user)]);
            data.Add("broadcast: create", [RedisKeys.BroadcastIdempotency("key-" + other), RedisKeys.Broadcast(id), RedisKeys.BroadcastState(id),
                RedisKeys.Deliveries(id), RedisKeys.DeliveryStream, RedisKeys.ScheduledBroadcasts, RedisKeys.ScheduledBy(user), RedisKeys.Audit,
                RedisKeys.RemainingDeliveries(id)]);
            data.Add("broadcast: save a delivery", [RedisKeys.Deliveries(id), RedisKeys.FinalDeliveries(id), RedisKeys.RemainingDeliveries(id)]);
            data.Add("broadcast: release", [RedisKeys.BroadcastState(id), RedisKeys.Deliveries(id), RedisKeys.DeliveryStream, RedisKeys.ScheduledBroadcasts, RedisKeys.ScheduledBy(user)]);
            data.Add("broadcast: cancel", [RedisKeys.BroadcastState(id), RedisKeys.ScheduledBroadcasts, RedisKeys.ScheduledBy(user), RedisKeys.Audit]);
            // One ingestion call carries up to 50 records, each with its own numbers, phones, days and taxpayers, and reads
            // the watchers of an item it changes (a key the script derives from the record's).
            var (parcel, invoice) = (WatchedItem.Shipment("EA123456785CN"), WatchedItem.InvoiceApplication("FP20200217000123"));
            data.Add("ingestion: shipments", [RedisKeys.Shipment(parcel.Id), RedisKeys.Progress(new DateOnly(2020, 3, 4)),
                RedisKeys.ProgressWeek(new DateOnly(2020, 3, 2)), RedisKeys.ShipmentsByPhone("13800001234"), RedisKeys.Shipment("1173456789012"),
                RedisKeys.Progress(new DateOnly(2020, 2, 1)), RedisKeys.ShipmentsByPhone("13900004321"), RedisKeys.Watchers(parcel.Key)]);
            data.Add("ingestion: invoice applications", [RedisKeys.InvoiceApplication(invoice.Id), RedisKeys.InvoicesByTaxpayer("91429005MA4951234A"),
                RedisKeys.InvoiceApplication("FP20200218000999"), RedisKeys.InvoicesByTaxpayer("914201007483153330"), RedisKeys.Watchers(invoice.Key)]);
            data.Add("watches: index a shipment's watcher", [RedisKeys.Watchers(parcel.Key), RedisKeys.Shipment(parcel.Id)]);
            data.Add("watches: index an application's watcher", [RedisKeys.Watchers(invoice.Key), RedisKeys.InvoiceApplication(invoice.Id)]);
            data.Add("knowledge: count a day's unanswered questions", [RedisKeys.UnansweredCounts(new DateOnly(2020, 3, 4)), RedisKeys.UnansweredLast(new DateOnly(2020, 3, 4))]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScriptKeySets))]
    public void ScriptKeys_UnderThePrefix_HashToOneSlot(string script, RedisKey[] keys)
    {
        var slots = keys.Select(key => TestRedis.Connection.HashSlot(key.Prepend(Prefix))).Distinct();

        Assert.True(slots.Count() == 1, $"{script}: keys in slots {string.Join(", ", slots)}");
    }
}
