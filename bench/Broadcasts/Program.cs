using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatPost.Bench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bench.Broadcasts;

/// <summary>
/// One broadcast to N groups, each with its own robot, against a local webhook that answers at once and never
/// throttles: the time from POST /api/broadcasts to the last group's message arriving, over several runs.
/// </summary>
internal static class BroadcastBench
{
    public static async Task Main(string[] args)
    {


        var groups = ArgValue(args, "--groups", 1000);
        var runs = ArgValue(args, "--runs", 5);
        using var redis = PrivateRedis.Start();
        await using var webhook = await CountingWebhook.StartAsync();

        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Admin:ApiKey"] = "bench-admin-key-0123456789",
            ["WeCom:WebhookBaseUrl"] = webhook.Url,
            ["Announcements:DailyProgress:Charts"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < groups; i++)
        {
            settings[$"Groups:{i}:Id"] = $"g{i}";
            settings[$"Groups:{i}:Name"] = $"工作群{i}";
            settings[$"Groups:{i}:WebhookKey"] = $"key-{i}";
        }

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseContentRoot(AppContext.BaseDirectory);
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-admin-key-0123456789");

        var timings = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            webhook.Expect(groups);
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/broadcasts", new { text = $"压测通知 {run}" });
            response.EnsureSuccessStatusCode();
            await webhook.AllArrived.WaitAsync(TimeSpan.FromMinutes(2));
            watch.Stop();
            if (run > 0) // the first run warms up
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {groups} groups delivered in {watch.Elapsed.TotalMilliseconds:0} ms"));
            }
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {timings[timings.Count / 2]:0} ms for {groups} groups (min {timings[0]:0}, max {timings[^1]:0}); target 2000 ms"));

        static int ArgValue(string[] args, string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}

/// <summary>A webhook that answers ok at once and signals when the expected number of messages arrived.</summary>
internal sealed class CountingWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _expected;
    private int _arrived;
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CountingWebhook(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public Task AllArrived => _all.Task;

    public static async Task<CountingWebhook> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var webhook = new CountingWebhook(builder.Build());
        webhook._app.MapPost("/cgi-bin/webhook/send", () =>
        {
            if (Interlocked.Increment(ref webhook._arrived) == Volatile.Read(ref webhook._expected))
            {
                webhook._all.TrySetResult();
            }

            return Results.Text("{\"errcode\":0,\"errmsg\":\"ok\"}", "application/json");
        });
        await webhook._app.StartAsync();
        var address = webhook._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        webhook.Url = address + "/cgi-bin/webhook/send";
        return webhook;
    }

    public void Expect(int count)
    {
        _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _arrived, 0);
        Volatile.Write(ref _expected, count);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
