using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// The private Redis server that ./test.sh starts (CHATPOST_TEST_REDIS). Tests share one connection and keep
/// out of each other's way with a unique key prefix each. Without the server they fail, they never skip.
/// </summary>
public static class TestRedis
{
    public const string EnvironmentVariable = "CHATPOST_TEST_REDIS";

    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => ConnectionMultiplexer.Connect(Configuration));

    /// <summary>The <c>host:port</c> of the test server, always on 127.0.0.1.</summary>
    public static string Configuration
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set: run the tests with ./test.sh, which starts a private redis-server.");
            }

            if (!value.StartsWith("127.0.0.1:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{EnvironmentVariable} must point at 127.0.0.1, not '{value}'.");
            }

            return value;
        }
    }

    public static ConnectionMultiplexer Connection => Shared.Value;

    /// <summary>A key prefix no other test uses: the calling test's name and a random suffix.</summary>
    public static string Prefix([CallerMemberName] string caller = "") => $"test:{caller}:{Guid.NewGuid():N}:";
}
