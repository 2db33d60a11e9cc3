using System.Net;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace ChatPost.Bot.Tests.Scheduling;

/// <summary>Quartz's clustered ADO store on a real PostgreSQL.</summary>
public class ClusteredSchedulerTests
{
    [Fact]
    public async Task Start_TwoReplicasAtOnceOnAnEmptyDatabase_CreateTheSchemaOnceAndBothRunClustered()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var prefix = TestRedis.Prefix();
        await using var first = Replica(prefix, database);
        await using var second = Replica(prefix, database);

        var ready = await Task.WhenAll(Task.Run(() => ReadyAsync(first)), Task.Run(() => ReadyAsync(second)));
        var firstScheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var secondScheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var nodes = await firstScheduler.QueryClusterNodes();

        Assert.All(ready, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.NotEqual(firstScheduler.SchedulerInstanceId, secondScheduler.SchedulerInstanceId);
        Assert.Equal(2, nodes.Count);
        Assert.True(await TableCountAsync(database) >= 10, "the Quartz tables were not created");
    }

    [Fact]
    public async Task Schedule_BroadcastOnOneReplica_TheTriggerIsInTheSharedStore()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var prefix = TestRedis.Prefix();
        await using var first = Replica(prefix, database);
        await using var second = Replica(prefix, database);
        var key = new TriggerKey("broadcast-b-test", "broadcasts");

        await first.Services.GetRequiredService<ChatPost.Bot.Broadcasts.BroadcastScheduler>()
            .ScheduleAsync("b-test", DateTimeOffset.UtcNow.AddHours(1), default);

        var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(key));
    }

    private static ChatPostFactory Replica(string prefix, string database) => new(prefix, settings: new Dictionary<string, string?>
    {
        ["Scheduler:Clustered"] = "true",
        ["Scheduler:ConnectionString"] = database,
    });

    /// <summary>The scheduler starts once the application has started, so readiness may follow a moment after the host.</summary>
    private static Task<HttpStatusCode> ReadyAsync(ChatPostFactory replica) =>
        Readiness.WaitForAsync(replica.CreateClient(), HttpStatusCode.OK, TimeSpan.FromSeconds(10));

    private static async Task<long> TableCountAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name ILIKE 'qrtz%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
