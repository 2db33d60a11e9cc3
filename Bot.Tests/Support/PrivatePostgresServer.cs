using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test's own on a free loopback port, which the test may stop and start again (the shared
/// one of ./test.sh must stay up). Made with Debian's <c>initdb</c>; as root it runs as the <c>postgres</c> user, since
/// PostgreSQL refuses to run as root (./test.sh creates that user).
/// </summary>
public sealed class PrivatePostgresServer : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatpost-pg-").FullName;
    private readonly string _bin;
    private readonly bool _asPostgres = Environment.UserName == "root";

    public PrivatePostgresServer()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: run the tests with ./test.sh, which installs it.");
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        }

        if (_asPostgres)
        {
            Run("chown", "postgres", _folder);
        }

        RunPostgres("initdb", "-D", Data, "-U", "chatpost", "--auth=trust", "-E", "UTF8", "--no-sync");
        Start();
    }

    public int Port { get; }

    /// <summary>The connection string of the <c>postgres</c> database, as the scheduler would be given it.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=chatpost;Database=postgres");

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Starts the server and waits until it accepts connections (fails after 30 s).</summary>
    public void Start() => RunPostgres("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t", "30",
        "-o", string.Create(CultureInfo.InvariantCulture, $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off"), "start");

    /// <summary>Stops the server as an operator restarting it would (<c>pg_ctl stop -m fast</c>: every connection is cut).</summary>
    public void Stop() => RunPostgres("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public void Dispose()
    {
        try
        {
            RunPostgres("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private void RunPostgres(string program, params string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        if (_asPostgres)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}{error}");
        }
    }
}
