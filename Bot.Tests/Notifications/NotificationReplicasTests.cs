using System.Text.Json.Nodes;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Notifications;

/// <summary>Two real service processes on one Redis ingesting the same batches at once: each watcher hears of each change once.</summary>
public class NotificationReplicasTests
{
    private const string ApiKey = "ingest-key-0123456789abcdef";
    private const string First = "EB111222332CN";
    private const string Second = "ED555666777CN";

    [Fact]
    public async Task SameBatchIngestedOnTwoReplicasAtOnce_EachWatcherGetsOneMessagePerChange()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        var prefix = TestRedis.Prefix();
        var replicas = await Task.WhenAll(BotProcess.StartAsync(Settings(api, prefix)), BotProcess.StartAsync(Settings(api, prefix)));
        await using var one = replicas[0];
        await using var two = replicas[1];
        var posted = DateTimeOffset.UtcNow.AddHours(-6);
        await Citizen.IngestShipmentsAsync(one.CreateClient(), ApiKey, Citizen.Scan(First, "accepted", posted), Citizen.Scan(Second, "accepted", posted));
        // Three watchers over two replicas: the first watches both parcels.
        var watchers = new[] { new Citizen(one.CreateClient(), "oReplicaWatcher01"), new Citizen(two.CreateClient(), "oReplicaWatcher02"), new Citizen(one.CreateClient(), "oReplicaWatcher03") };
        Assert.Contains("已加入提醒", await watchers[0].SayAsync($"提醒 {First} {Second}"), StringComparison.Ordinal);
        Assert.Contains("已加入提醒", await watchers[1].SayAsync($"提醒 {First}"), StringComparison.Ordinal);
        Assert.Contains("已加入提醒", await watchers[2].SayAsync($"提醒 {Second}"), StringComparison.Ordinal);

        object[] outForDelivery = [Citizen.Scan(First, "out_for_delivery", posted.AddHours(2)), Citizen.Scan(Second, "exception", posted.AddHours(2))];
        await IngestEverywhereAtOnceAsync(one, two, outForDelivery);
        var firstRound = await api.TakeCustomMessagesAsync(4);
        object[] delivered = [Citizen.Scan(First, "delivered", posted.AddHours(3)), Citizen.Scan(Second, "out_for_delivery", posted.AddHours(3))];
        await IngestEverywhereAtOnceAsync(one, two, delivered);
        var secondRound = await api.TakeCustomMessagesAsync(4);
        await WaitUntilTheOutboxIsEmptyAsync(prefix);

        var told = firstRound.Concat(secondRound).Select(Told).Order().ToList();
        Assert.Equal(
            [$"oReplicaWatcher01 {First} 已签收", $"oReplicaWatcher01 {First} 派送中", $"oReplicaWatcher01 {Second} 异常", $"oReplicaWatcher01 {Second} 派送中",
             $"oReplicaWatcher02 {First} 已签收", $"oReplicaWatcher02 {First} 派送中", $"oReplicaWatcher03 {Second} 异常", $"oReplicaWatcher03 {Second} 派送中"],
            told);
        Assert.Equal(0, api.CustomMessageCount);
    }

    /// <summary>Each replica gets the batch twice, all four at once, as retrying upstream systems behind a load balancer would send it.</summary>
    private static Task IngestEverywhereAtOnceAsync(BotProcess one, BotProcess two, object[] batch) => Task.WhenAll(
        Citizen.IngestShipmentsAsync(one.CreateClient(), ApiKey, batch), Citizen.IngestShipmentsAsync(two.CreateClient(), ApiKey, batch),
        Citizen.IngestShipmentsAsync(two.CreateClient(), ApiKey, batch), Citizen.IngestShipmentsAsync(one.CreateClient(), ApiKey, batch));

    /// <summary>Who was told what: the user, the item and the state, from the notification's first line.</summary>
    private static string Told(JsonObject message)
    {
        var firstLine = ((string)message["text"]!["content"]!).Split('\n')[0]; // 【进度提醒】您关注的邮件 EB111222332CN：派送中
        var (item, state) = (firstLine.Split(' ')[1].Split('：')[0], firstLine.Split('：')[1]);
        return $"{(string?)message["touser"]} {item} {state}";
    }

    private static async Task WaitUntilTheOutboxIsEmptyAsync(string prefix)
    {
        var database = TestRedis.Connection.GetDatabase();
        for (var attempt = 0; attempt < 200 && await database.StreamLengthAsync(prefix + "late-replies") > 0; attempt++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, await database.StreamLengthAsync(prefix + "late-replies"));
    }

    private static Dictionary<string, string?> Settings(FakeWeChatApi api, string prefix)
    {
        var settings = ChatPostFactory.BaseSettings(prefix, api);
        settings["Ingest:ApiKey"] = ApiKey;
        settings["LateReplies:PollInterval"] = "00:00:00.020";
        return settings;
    }
}
