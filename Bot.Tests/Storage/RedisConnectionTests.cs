using System.Globalization;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Storage;

public class RedisConnectionTests
{
    [Theory]
    [InlineData("", null, 0)]
    [InlineData("redis:6379,password=x", null, 0)]
    [InlineData("s1:26379,s2:26379,serviceName=chatpost", null, 1)]
    [InlineData("s1:26379,serviceName=chatpost", 2, 2)]
    [InlineData("s1:26379,serviceName=chatpost", 0, 0)]
    [InlineData("redis:6379", 1, 1)]
    public void ReplicasToAcknowledge_ByConfiguration_OneUnderSentinelUnlessSet(string configuration, int? set, int expected)
    {
        var options = new RedisOptions { Configuration = configuration, DurableWriteReplicas = set };

        Assert.Equal(expected, options.ReplicasToAcknowledge);
    }

    [Theory]
    [InlineData(RedisErrorKind.ReadOnly, "READONLY You can't write against a read only replica.", true)]
    [InlineData(RedisErrorKind.Loading, "LOADING Redis is loading the dataset in memory", true)]
    [InlineData(RedisErrorKind.MasterDown, "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.", true)]
    [InlineData(RedisErrorKind.ClusterDown, "CLUSTERDOWN The cluster is down", true)]
    [InlineData(RedisErrorKind.TryAgain, "TRYAGAIN Multiple keys request during rehashing of slot", true)]
    [InlineData(RedisErrorKind.UnknownError, "ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.", true)]
    [InlineData(RedisErrorKind.WrongType, "WRONGTYPE Operation against a key holding the wrong kind of value", false)]
    [InlineData(RedisErrorKind.UnknownError, "ERR Error running script", false)]
    [InlineData(RedisErrorKind.CrossSlot, "CROSSSLOT Keys in request don't hash to the same slot", false)]
    public void IsUnavailable_ServerErrors_OnlyThoseOfAFailoverPass(RedisErrorKind kind, string message, bool expected)
    {
        Assert.Equal(expected, StorageFailure.IsUnavailable(new RedisServerException(kind, CommandFlags.None, message)));
    }

    [Fact]
    public async Task AcknowledgeAsync_ReplicaAttached_ReturnsWithTheWriteOnTheReplica()
    {
        using var primary = new PrivateRedisServer();
        using var replica = new PrivateRedisServer("--replicaof", "127.0.0.1", primary.Port.ToString(CultureInfo.InvariantCulture));
        var logger = new FakeLogger<RedisConnection>();
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(primary.Configuration + ",allowAdmin=true");
        await WaitForReplicaAsync(multiplexer.GetServer(primary.Configuration));
        // Bounded long enough for a loaded machine's replication (WAIT returns as soon as the replica holds the write),
        // and inside the client's own 3 s command timeout.
        using var sut = Create(multiplexer, primary, logger, TimeSpan.FromSeconds(2));

        await sut.DurableDatabase.StringSetAsync("durable", "kept");
        await sut.AcknowledgeAsync();

        using var onReplica = await ConnectionMultiplexer.ConnectAsync(replica.Configuration);
        Assert.Equal("kept", (string?)await onReplica.GetDatabase().StringGetAsync("test:durable"));
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task AcknowledgeAsync_NoReplicaAnswers_AnswersAfterTheTimeoutAndLogsIt()
    {
        using var primary = new PrivateRedisServer();
        var logger = new FakeLogger<RedisConnection>();
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(primary.Configuration);
        using var sut = Create(multiplexer, primary, logger, TimeSpan.FromMilliseconds(100));

        await sut.DurableDatabase.StringSetAsync("durable", "kept");
        await sut.AcknowledgeAsync();

        Assert.Equal(2011, logger.LatestRecord.Id.Id);
        Assert.Equal("kept", (string?)await sut.Database.StringGetAsync("durable"));
    }

    // Found by the chaos run: a restarted primary is a primary again until Sentinel makes it a replica, a durable write's
    // WAIT reached it as it turned, and the broadcast being accepted answered 500.
    [Fact]
    public async Task AcknowledgeAsync_ThePrimaryTurnedReplica_FailsAsAnOutage()
    {
        using var primary = new PrivateRedisServer();
        using var other = new PrivateRedisServer();
        var logger = new FakeLogger<RedisConnection>();
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(primary.Configuration);
        using var sut = Create(multiplexer, primary, logger, TimeSpan.FromMilliseconds(100));
        await sut.DurableDatabase.StringSetAsync("durable", "written");
        using (var admin = await ConnectionMultiplexer.ConnectAsync(primary.Configuration + ",allowAdmin=true"))
        {
            await admin.GetServer(primary.Configuration).ReplicaOfAsync(System.Net.IPEndPoint.Parse(other.Configuration));
        }

        var exception = await Record.ExceptionAsync(sut.AcknowledgeAsync);

        Assert.NotNull(exception);
        Assert.True(StorageFailure.IsUnavailable(exception), exception.ToString());
    }

    private static RedisConnection Create(IConnectionMultiplexer multiplexer, PrivateRedisServer primary, FakeLogger<RedisConnection> logger,
        TimeSpan durableWriteTimeout) =>
        new(multiplexer, Options.Create(new RedisOptions
        {
            Configuration = primary.Configuration, KeyPrefix = "test:", DurableWriteReplicas = 1, DurableWriteTimeout = durableWriteTimeout,
        }), logger);

    private static async Task WaitForReplicaAsync(IServer primary)
    {
        for (var tries = 0; tries < 200 && !(await primary.InfoRawAsync("replication"))!.Contains("state=online", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(50);
        }
    }
}
