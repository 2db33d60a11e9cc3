using System.Net;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Moq;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Storage;

public class RedisHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_TheTestsRedis_IsHealthy()
    {
        var sut = new RedisHealthCheck(new RedisConnection(TestRedis.Connection, Options.Create(new RedisOptions { KeyPrefix = TestRedis.Prefix() })));

        var result = await sut.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.StartsWith("PING", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6.2.14", false, HealthStatus.Unhealthy)]
    [InlineData("6.2.14", true, HealthStatus.Healthy)] // a replica: the scripts run on the primary
    [InlineData("7.0.0", false, HealthStatus.Healthy)]
    [InlineData("7.4.2", false, HealthStatus.Healthy)]
    public async Task CheckHealthAsync_ThePrimarysVersion_ReadyFrom70(string version, bool replica, HealthStatus expected)
    {
        // The version is what the client learned when it connected (INFO): no Redis 6 runs here to ask.
        var server = new Mock<IServer>();
        server.SetupGet(s => s.IsConnected).Returns(true);
        server.SetupGet(s => s.IsReplica).Returns(replica);
        server.SetupGet(s => s.Version).Returns(Version.Parse(version));
        server.SetupGet(s => s.EndPoint).Returns(new DnsEndPoint("redis", 6379));
        var database = new Mock<IDatabase>();
        database.Setup(d => d.PingAsync(It.IsAny<CommandFlags>())).ReturnsAsync(TimeSpan.FromMilliseconds(1));
        var multiplexer = new Mock<IConnectionMultiplexer>();
        multiplexer.Setup(m => m.GetDatabase(It.IsAny<int>(), It.IsAny<object?>())).Returns(database.Object);
        multiplexer.Setup(m => m.GetServers()).Returns([server.Object]);
        var sut = new RedisHealthCheck(new RedisConnection(multiplexer.Object, Options.Create(new RedisOptions { KeyPrefix = "chatpost:test:" })));

        var result = await sut.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
        if (expected == HealthStatus.Unhealthy)
        {
            Assert.Equal($"Redis {version} at Unspecified/redis:6379 is too old: ChatPost needs 7.0 or later", result.Description);
        }
    }
}
