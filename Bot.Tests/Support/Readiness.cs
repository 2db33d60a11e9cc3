using System.Diagnostics;
using System.Net;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// <c>GET /readyz</c> asked as a readiness probe asks: again until it answers <c>expected</c>, since right after start
/// (the Redis handshake, the scheduler starting) or after an outage the checks take a moment to agree.
/// </summary>
public static class Readiness
{
    /// <summary>The last status seen: <paramref name="expected"/>, or whatever <c>/readyz</c> still said when patience ran out.</summary>
    public static async Task<HttpStatusCode> WaitForAsync(HttpClient client, HttpStatusCode expected, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(client);
        var since = Stopwatch.StartNew();
        HttpStatusCode status;
        while ((status = (await client.GetAsync("/readyz")).StatusCode) != expected && since.Elapsed < patience)
        {
            await Task.Delay(100);
        }

        return status;
    }
}
