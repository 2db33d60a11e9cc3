using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatPost.Bench;

/// <summary>A throw-away redis-server on a free loopback port, without persistence, stopped on dispose.</summary>
internal sealed class PrivateRedis : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private PrivateRedis(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a server; with <paramref name="replicaOf"/>, a replica of the server on that port.</summary>
    public static PrivateRedis Start(int? replicaOf = null)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("chatpost-bench-").FullName;
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", folder, "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (replicaOf is { } primary)
        {
            start.ArgumentList.Add("--replicaof");
            start.ArgumentList.Add("127.0.0.1");
            start.ArgumentList.Add(primary.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (is it installed?)");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return new PrivateRedis(process, folder, port);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
