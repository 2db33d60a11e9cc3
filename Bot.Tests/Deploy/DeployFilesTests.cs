using System.Diagnostics;
using ChatPost.Bot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ChatPost.Bot.Tests.Deploy;

/// <summary>
/// What can be checked of deploy/ without a Docker engine or a cluster: the manifests parse and say what the
/// runbook promises, and nginx accepts the proxy configuration.
/// </summary>
public class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(Repository.Root, "deploy");

    public static TheoryData<string> Manifests => [.. Directory.GetFiles(Path.Combine(Deploy, "kubernetes"), "*.yaml").Select(path => Path.GetFileName(path))];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Kubernetes_EveryDocument_HasApiVersionKindAndName(string file)
    {
        var documents = Load(Path.Combine(Deploy, "kubernetes", file));

        Assert.NotEmpty(documents);
        Assert.All(documents, document =>
        {
            Assert.False(string.IsNullOrEmpty(Scalar(document, "apiVersion")), "apiVersion");
            Assert.False(string.IsNullOrEmpty(Scalar(document, "kind")), "kind");
            Assert.False(string.IsNullOrEmpty(Scalar(document, "metadata", "name")), "metadata.name");
        });
    }

    [Fact]
    public void Kubernetes_Deployment_ProbesReadinessAndLivenessOnTheServiceEndpoints()
    {
        var deployment = Load(Path.Combine(Deploy, "kubernetes", "deployment.yaml")).Single(d => Scalar(d, "kind") == "Deployment");
        var container = (YamlMappingNode)((YamlSequenceNode)Node(deployment, "spec", "template", "spec", "containers")).Children[0];

        Assert.Equal("/readyz", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Scalar(container, "livenessProbe", "httpGet", "path"));
    }

    [Fact]
    public void Compose_RunsTwoReplicasBehindNginxWithRedisAppendOnlyAndPostgres()
    {
        var compose = Assert.Single(Load(Path.Combine(Deploy, "docker-compose.yml")));
        var services = (YamlMappingNode)Node(compose, "services");

        Assert.Equal("2", Scalar(compose, "services", "bot", "deploy", "replicas"));
        Assert.Contains("appendonly", string.Join(' ', ((YamlSequenceNode)Node(compose, "services", "redis", "command")).Children), StringComparison.Ordinal);
        Assert.Contains(services.Children.Keys, key => key.ToString() == "postgres");
        Assert.Contains(services.Children.Keys, key => key.ToString() == "nginx");
    }

    [Fact]
    public async Task Nginx_ProxyConfiguration_PassesNginxT()
    {
        var folder = Directory.CreateTempSubdirectory("chatpost-nginx-").FullName;
        try
        {
            // nginx -t resolves upstream host names; "bot" exists only inside compose.
            var conf = (await File.ReadAllTextAsync(Path.Combine(Deploy, "nginx", "chatpost.conf"))).Replace("bot:8080", "127.0.0.1:8080", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "chatpost.conf"), conf);
            await File.WriteAllTextAsync(Path.Combine(folder, "harness.conf"),
                $"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\nhttp {{\n  include {folder}/chatpost.conf;\n}}\n");
            var start = new ProcessStartInfo("nginx", ["-t", "-q", "-p", folder, "-c", Path.Combine(folder, "harness.conf")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };

            using var nginx = Process.Start(start)!;
            var errors = await nginx.StandardError.ReadToEndAsync();
            await nginx.WaitForExitAsync();

            Assert.True(nginx.ExitCode == 0, errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return [.. stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>()];
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string? Scalar(YamlNode node, params string[] path)
    {
        try
        {
            return (Node(node, path) as YamlScalarNode)?.Value;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
