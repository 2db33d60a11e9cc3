using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A redis-server of the test's own, which the test may stop and start again on the same port (the shared test
/// server must never go down). Append-only with fsync always, so data survives the restart.
/// </summary>
public sealed class PrivateRedisServer : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatpost-redis-").FullName;
    private Process? _process;

    public PrivateRedisServer()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        Start();
    }

    public int Port { get; }

    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Starts the server and waits until it answers PING (fails after 10 s).</summary>
    public void Start()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--dir", _folder, "--save", "",
                "--appendonly", "yes", "--appendfsync", "always" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
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
                Thread.Yield();
            }
        }

        throw new InvalidOperationException("redis-server did not start");
    }

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
}
