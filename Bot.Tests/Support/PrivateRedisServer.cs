using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A redis-server of the test's own, which the test may stop and start again on the same port (the shared test
/// server must never go down). Append-only with fsync always, so data survives the restart. Extra arguments make it
/// a replica or a cluster node; <see cref="Sentinel"/> starts a <c>redis-sentinel</c> instead.
/// </summary>
public sealed class PrivateRedisServer : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatpost-redis-").FullName;
    private readonly string _program;
    private readonly string[] _arguments;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    public PrivateRedisServer(params string[] arguments)
        : this("redis-server", null, [.. ServerArguments(), .. arguments])
    {
    }

    private PrivateRedisServer(string program, string? configuration, string[] arguments)
    {
        Port = LoopbackPort.Free();
        _program = program;
        _arguments = arguments;
        if (configuration is not null)
        {
            // A sentinel rewrites its configuration file, so it needs one of its own, first on its command line.
            var file = Path.Combine(_folder, "redis.conf");
            File.WriteAllText(file, configuration);
            _arguments = [file, .. arguments];
        }

        Start();
    }

    public int Port { get; }

    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// A <c>redis-sentinel</c> (Debian's package) watching <paramref name="serviceName"/> at <paramref name="primaryPort"/>,
    /// quorum 2, that takes a primary for dead after three seconds without an answer. Not one: on a loaded machine a primary
    /// promoted a second before, busy with its new replica's full sync, went a second unanswered; the sentinels then
    /// promoted that replica, not yet synced, and the writes the first had taken meanwhile were dropped (the chaos run).
    /// </summary>
    public static PrivateRedisServer Sentinel(string serviceName, int primaryPort) =>
        new("redis-sentinel", string.Create(CultureInfo.InvariantCulture, $"""
            sentinel monitor {serviceName} 127.0.0.1 {primaryPort} 2
            sentinel down-after-milliseconds {serviceName} 3000
            sentinel failover-timeout {serviceName} 10000

            """), ["--bind", "127.0.0.1", "--port", PortPlaceholder, "--dir", "."]);

    /// <summary>
    /// Starts the server, with <paramref name="more"/> after its own arguments (a later directive wins), and waits until it
    /// answers PING (fails after 10 s).
    /// </summary>
    public void Start(params string[] more)
    {
        var start = new ProcessStartInfo(_program) { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (var argument in _arguments.Concat(more))
        {
            start.ArgumentList.Add(argument == PortPlaceholder ? Port.ToString(CultureInfo.InvariantCulture) : argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _output.Enqueue(line.Data);
            }
        };
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        throw new InvalidOperationException($"{_program} did not start");
    }

    /// <summary>What the server logged, over all its starts: where a test that failed over Redis finds what Redis did.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Kills the server, as a crash would.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Runs <c>redis-cli</c> against a loopback port and returns what it printed (empty when it could not connect).</summary>
    public static string Cli(int port, params string[] command)
    {
        using var process = Process.Start(new ProcessStartInfo("redis-cli", ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), .. command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private const string PortPlaceholder = "{port}";

    private static string[] ServerArguments() =>
        ["--bind", "127.0.0.1", "--port", PortPlaceholder, "--dir", ".", "--save", "", "--appendonly", "yes", "--appendfsync", "always"];

}
