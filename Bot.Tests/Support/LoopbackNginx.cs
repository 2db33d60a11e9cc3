using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// nginx on a free loopback port with deploy/nginx/chatpost.conf as shipped, its upstream pointed at the given replicas:
/// the proxy production runs, in front of the test's replicas. A request that carries <see cref="TagHeader"/> is logged with
/// the replicas nginx passed it to (<see cref="Upstreams"/>): a harness can tell which replica answered each of its tries.
/// </summary>
public sealed class LoopbackNginx : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatpost-nginx-").FullName;
    private readonly Process _process;

    /// <summary>The request header whose value names a request in <see cref="Upstreams"/>.</summary>
    public const string TagHeader = "X-Test-Tag";

    public LoopbackNginx(IEnumerable<Uri> replicas)
    {
        Port = LoopbackPort.Free();
        var upstream = string.Concat(replicas.Select(replica =>
            string.Create(CultureInfo.InvariantCulture, $"server 127.0.0.1:{replica.Port} max_fails=2 fail_timeout=10s;\n    ")));
        var conf = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "nginx", "chatpost.conf"))
            .Replace("server bot:8080 max_fails=2 fail_timeout=10s;\n    ", upstream, StringComparison.Ordinal)
            .Replace("listen 80;", string.Create(CultureInfo.InvariantCulture, $"listen 127.0.0.1:{Port};"), StringComparison.Ordinal)
            .Replace("listen 127.0.0.1:8081;", string.Create(CultureInfo.InvariantCulture, $"listen 127.0.0.1:{LoopbackPort.Free()};"), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "chatpost.conf"), conf);
        // Workers of an nginx started as root run as an unprivileged user: they must reach the temp folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
        }
        File.WriteAllText(Path.Combine(_folder, "harness.conf"), $$"""
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            worker_processes 1;
            events {}
            http {
              log_format tagged '$msec $http_x_test_tag $status "$upstream_addr" "$upstream_status"';
              client_body_temp_path {{_folder}}/body;
              proxy_temp_path {{_folder}}/proxy;
              include {{_folder}}/chatpost.conf;
              access_log {{_folder}}/tagged.log tagged if=$http_x_test_tag;
            }
            """);
        _process = Process.Start(new ProcessStartInfo("nginx", ["-p", _folder, "-c", Path.Combine(_folder, "harness.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!Listening())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException("nginx did not start: " + File.ReadAllText(Path.Combine(_folder, "error.log")));
            }

            Thread.Sleep(50);
        }
    }

    public int Port { get; }

    public Uri BaseUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    /// <summary>
    /// The tagged requests nginx finished so far, by tag: when it finished, its status (499: the client gave up), and each
    /// replica port it tried with that replica's status ("-" for none), in order.
    /// </summary>
    public Dictionary<string, (DateTimeOffset Finished, int Status, IReadOnlyList<(int Port, string Status)> Upstreams)> Upstreams()
    {
        var path = Path.Combine(_folder, "tagged.log");
        var requests = new Dictionary<string, (DateTimeOffset, int, IReadOnlyList<(int, string)>)>(StringComparer.Ordinal);
        foreach (var line in File.Exists(path) ? File.ReadLines(path) : [])
        {
            // 1733550000.123 p7000000042.1 200 "127.0.0.1:5001, 127.0.0.1:5002" "502, 200"
            var fields = line.Split(' ', 4);
            if (fields.Length < 4)
            {
                continue;
            }

            var quoted = fields[3].Split('"', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var addresses = quoted.ElementAtOrDefault(0)?.Split(',', StringSplitOptions.TrimEntries) ?? [];
            var statuses = quoted.ElementAtOrDefault(1)?.Split(',', StringSplitOptions.TrimEntries) ?? [];
            var upstreams = addresses.Where(address => address.Contains(':', StringComparison.Ordinal))
                .Select((address, i) => (int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture), statuses.ElementAtOrDefault(i) ?? "-"))
                .ToList();
            requests[fields[1]] = (DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(fields[0], CultureInfo.InvariantCulture) * 1000)),
                int.Parse(fields[2], CultureInfo.InvariantCulture), upstreams);
        }

        return requests;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

}
