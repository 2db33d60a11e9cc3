using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ChatPost.Bot.Tests.Support;
using Xunit.Abstractions;

namespace ChatPost.Bot.Tests.Scheduling;

/// <summary>The clustered scheduler's PostgreSQL stopped and restarted under a running replica.</summary>
public class SchedulerOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PostgresRestarted_UnderTwoClusteredReplicas_ReadinessTellsTheOutageAndNothingIsLostOrSentTwice()
    {
        using var postgres = new PrivatePostgresServer();
        await using var webhook = await FakeWebhook.StartAsync();
        var settings = StaffSetup.Settings(webhook, null, ["襄阳", "恩施", null]);
        settings["Redis:KeyPrefix"] = TestRedis.Prefix();
        settings["Scheduler:Clustered"] = "true";
        settings["Scheduler:ConnectionString"] = postgres.ConnectionString;
        settings["Announcements:DailyProgress:Cron"] = "0/2 * * * * ?";
        settings["Announcements:DailyProgress:ReportDay"] = "Today";
        settings["Announcements:DailyProgress:Charts"] = "false";
        await using var first = new ChatPostFactory(settings["Redis:KeyPrefix"], settings: settings);
        await using var second = new ChatPostFactory(settings["Redis:KeyPrefix"], settings: settings);
        HttpClient[] clients = [first.CreateClient(), second.CreateClient()];
        await Task.WhenAll(clients.Select(client => WaitForReadinessAsync(client, HttpStatusCode.OK)));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => webhook.WaitForMessagesAsync(StaffSetup.Key(i), 1)));
        var admin = Broadcasts.BroadcastApiTests.Admin(first, StaffSetup.ProvinceManager);
        var due = DateTimeOffset.UtcNow.AddSeconds(5);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync("/api/broadcasts", new { text = "重启也不丢", at = due })).StatusCode);

        postgres.Stop();
        var outage = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => WaitForReadinessAsync(client, HttpStatusCode.ServiceUnavailable)));
        while (DateTimeOffset.UtcNow < due.AddSeconds(3))
        {
            await Task.Delay(200); // the broadcast falls due, and the announcement would fire, while the store is down
        }

        postgres.Start();
        output.WriteLine($"PostgreSQL down for {outage.Elapsed}");
        await Task.WhenAll(clients.Select(client => WaitForReadinessAsync(client, HttpStatusCode.OK)));
        var recovered = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => webhook.WaitForMessagesAsync(StaffSetup.Key(i), 2)));
        output.WriteLine($"the broadcast due during the outage arrived {recovered.Elapsed} after readiness returned");
        await Task.Delay(TimeSpan.FromSeconds(5)); // more firings of the announcement, on both replicas

        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(["重启也不丢"], webhook.MessagesFor(StaffSetup.Key(i)).Select(m => m.Content).Where(c => c == "重启也不丢")));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(2, webhook.MessagesFor(StaffSetup.Key(i)).Count));
    }

    [Fact]
    public async Task Sigterm_WithPostgresAlreadyStopped_TheReplicaStopsWellWithinItsShutdownTimeout()
    {
        using var postgres = new PrivatePostgresServer();

        await using var replica = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = TestRedis.Configuration,
            ["Redis:KeyPrefix"] = TestRedis.Prefix(),
            ["Scheduler:Clustered"] = "true",
            ["Scheduler:ConnectionString"] = postgres.ConnectionString,
            // A trigger always close: the scheduler holds one it acquired, and must give it back to the store on the way out.
            ["Announcements:DailyProgress:Cron"] = "0/3 * * * * ?",
        });
        var client = replica.CreateClient();
        await WaitForReadinessAsync(client, HttpStatusCode.OK);
        await replica.WaitForOutputAsync("Daily progress announcement of");
        postgres.Stop();
        await WaitForReadinessAsync(client, HttpStatusCode.ServiceUnavailable);
        await Task.Delay(TimeSpan.FromSeconds(4)); // past the next firing, which the scheduler cannot record
        var stopping = Stopwatch.StartNew();
        replica.Terminate();
        var exitCode = await replica.WaitForExitAsync();
        output.WriteLine($"exited {exitCode} after {stopping.Elapsed}");

        // Quartz, left alone, waits for the job whose end it cannot record until the host's 15-second shutdown timeout
        // runs out (15.2 s here before the fix), and the web server stopping after it gets no time to finish its turns.
        // Scheduler:ShutdownWait is 5 s; the rest is the process ending, slow on a loaded machine.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(14), $"the replica took {stopping.Elapsed} to stop");
    }

    private static async Task WaitForReadinessAsync(HttpClient client, HttpStatusCode expected) =>
        Assert.Equal(expected, await Readiness.WaitForAsync(client, expected, TimeSpan.FromSeconds(30)));
}
