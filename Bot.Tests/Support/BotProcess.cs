using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// The real service as a separate process (<c>dotnet ChatPost.Bot.dll</c> from the Bot project's build output),
/// configured through environment variables, on a free loopback port: a replica, for tests of several replicas,
/// of being killed, and of start-up failures.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly SemaphoreSlim _lines = new(0);

    private BotProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) => Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Everything the process wrote to standard output and error so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts a replica with <paramref name="settings"/> (configuration keys, as environment variables).</summary>
    public static Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings) => StartAsync(settings, waitUntilHealthy: true);

    /// <summary>Starts the process; when <paramref name="waitUntilHealthy"/>, waits (up to 60 s) until /healthz answers 200.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, bool waitUntilHealthy)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // A replica started again where one ran before keeps its address (a proxy in front knows it by it).
        var url = settings.GetValueOrDefault("ASPNETCORE_URLS") ?? string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BotOutputFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(BotOutputFolder, "ChatPost.Bot.dll"));
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["MALLOC_ARENA_MAX"] = "2"; // as deploy/ runs it (Dockerfile, systemd unit)
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        var bot = new BotProcess(Process.Start(start)!, new Uri(url + "/"));
        if (waitUntilHealthy)
        {
            await bot.WaitUntilHealthyAsync();
        }

        return bot;
    }

    /// <summary>Waits until <paramref name="count"/> output lines contain <paramref name="text"/> (fails after 30 s).</summary>
    public async Task WaitForOutputAsync(string text, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_output.Count(line => line.Contains(text, StringComparison.Ordinal)) < count)
        {
            await _lines.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Waits for the process to end by itself (fails after 60 s) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop (SIGTERM), as <c>docker stop</c>, Kubernetes or systemd would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>The operating system's id of the process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Kills the process at once, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        _lines.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string BotOutputFolder
    {
        get
        {
            // Bot.Tests/bin/{Configuration}/net10.0 → Bot/bin/{Configuration}/net10.0
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = here.Parent!.Name;
            var root = here.Parent.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "Bot", "bin", configuration, here.Name);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await _lines.WaitAsync(TimeSpan.FromMilliseconds(200));
        }

        throw new InvalidOperationException("The bot did not become healthy:\n" + string.Join('\n', _output));
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            _lines.Release();
        }
    }


    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"bot on {BaseUrl}");
}
