using System.Runtime.CompilerServices;
using Npgsql;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// The private PostgreSQL cluster that ./test.sh starts (CHATPOST_TEST_POSTGRES). Each test gets a database of its
/// own; without the server tests fail, they never skip.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "CHATPOST_TEST_POSTGRES";

    /// <summary>Creates an empty database for the calling test and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync([CallerMemberName] string caller = "")
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not set: run the tests with ./test.sh, which starts a private PostgreSQL.");
        }

        var name = ("t_" + caller + "_" + Guid.NewGuid().ToString("N")[..8]).ToLowerInvariant();
        name = name[..Math.Min(name.Length, 60)];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
