using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatPost.Bot.Tests.Broadcasts;
using ChatPost.Bot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ChatPost.Bot.Tests.Deploy;

/// <summary>
/// The on-call's files: the Prometheus rules pass promtool and their unit tests (each alert firing once and staying
/// quiet once), every metric a rule or a dashboard panel reads is one the running service exports, and compose
/// provisions both behind a profile that is off by default.
/// </summary>
public partial class MonitoringFilesTests
{
    private static readonly string Deploy = Path.Combine(Repository.Root, "deploy");
    private static readonly string Rules = Path.Combine(Deploy, "prometheus", "chatpost-alerts.yml");
    private static readonly string RuleTests = Path.Combine(Deploy, "prometheus", "tests", "chatpost-alerts.test.yml");
    private static readonly string Dashboard = Path.Combine(Deploy, "grafana", "dashboards", "chatpost.json");
    private const string IngestKey = "ingest-key-for-monitoring-0123";

    [Fact]
    public async Task Promtool_ChecksTheConfigAndRules_AndTheirUnitTestsPass()
    {
        var check = await PromtoolAsync("check", "config", Path.Combine(Deploy, "prometheus", "prometheus.yml"));
        var test = await PromtoolAsync("test", "rules", RuleTests);

        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("SUCCESS: 10 rules found", check.Output, StringComparison.Ordinal);
        Assert.True(test.ExitCode == 0, test.Output);
    }

    [Fact]
    public void RuleTests_EveryAlertFiresInOneCaseAndStaysQuietInAnother()
    {
        var alerts = AlertRules().Select(rule => Scalar(rule, "alert")).ToList();
        var cases = Load(RuleTests)["tests"].AllNodes.OfType<YamlMappingNode>()
            .Where(node => node.Children.ContainsKey("alertname"))
            .Select(node => (Alert: Scalar(node, "alertname"), Fires: ((YamlSequenceNode)node["exp_alerts"]).Children.Count > 0))
            .ToList();

        Assert.Equal(10, alerts.Count);
        Assert.All(alerts, alert =>
        {
            Assert.Contains((alert, true), cases);
            Assert.Contains((alert, false), cases);
        });
    }

    [Fact]
    public async Task RulesAndPanels_ReadOnlyMetricsTheRunningServiceExports()
    {
        await using var api = await FakeWeChatApi.StartAsync();
        await using var webhook = await FakeWebhook.StartAsync();
        await using var robot = await FakeAiRobotPlatform.StartAsync();
        var settings = StaffSetup.Settings(webhook, api, ["襄阳", null]);
        foreach (var (key, value) in robot.Settings())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in ChatPostFactory.BaseSettings(TestRedis.Prefix("monitoring"), api))
        {
            settings[key] = value;
        }

        settings["Ingest:ApiKey"] = IngestKey;
        // The service as deployed, in its own process: what Prometheus would scrape.
        await using var service = await BotProcess.StartAsync(settings);
        var exported = await ExportAfterTrafficAsync(service, robot);

        var used = AlertRules().Select(rule => Scalar(rule, "expr"))
            .Concat(DashboardQueries())
            .SelectMany(MetricNames)
            .Where(name => name != "up") // Prometheus's own, per scrape target
            .ToHashSet();
        var missing = used.Where(name => !exported.Contains(name)).Order().ToList();

        Assert.True(missing.Count == 0, "not exported: " + string.Join(", ", missing));
        Assert.Contains("chatpost_announcement_groups", used);
        Assert.Contains("chatpost_turn_duration_seconds_bucket", used);
        Assert.Contains("chatpost_notifications_total", used);
    }

    [Fact]
    public void Dashboard_ShowsWhatTheOnCallNeedsFromTheProvisionedPrometheus()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Dashboard))!;
        var panels = dashboard["panels"]!.AsArray().Select(panel => panel!).Where(panel => (string?)panel["type"] != "row").ToList();
        var datasource = Load(Path.Combine(Deploy, "grafana", "provisioning", "datasources", "prometheus.yml"))["datasources"][0];
        var queries = string.Join('\n', DashboardQueries());

        Assert.All(panels, panel => Assert.Equal(Scalar(datasource, "uid"), (string?)panel["datasource"]!["uid"]));
        Assert.Equal("http://prometheus:9090", Scalar(datasource, "url"));
        foreach (var metric in new[] { "chatpost_turns_total", "chatpost_turn_duration_seconds_bucket", "chatpost_replies_total", "chatpost_dedupe_hits_total",
            "chatpost_token_fetches_total", "chatpost_webhook_sends_total", "chatpost_broadcast_backlog", "chatpost_late_replies_backlog",
            "chatpost_ingest_records_total", "chatpost_airobot_stream_refreshes_total", "chatpost_notifications_total", "chatpost_watches_created_total",
            "chatpost_watches_ended_total", "dotnet_process_memory_working_set_bytes", "dotnet_gc_collections_total" })
        {
            Assert.Contains(metric, queries, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_MonitoringProfile_ProvisionsPrometheusAndGrafanaAndIsOffByDefault()
    {
        var compose = Load(Path.Combine(Deploy, "docker-compose.yml"));
        var services = (YamlMappingNode)compose["services"];

        foreach (var name in new[] { "prometheus", "grafana" })
        {
            var service = (YamlMappingNode)services[name];
            Assert.Equal(["monitoring"], ((YamlSequenceNode)service["profiles"]).Children.Select(node => node.ToString()));
            foreach (var volume in ((YamlSequenceNode)service["volumes"]).Children.Select(node => node.ToString()).Where(volume => volume.StartsWith("./", StringComparison.Ordinal)))
            {
                Assert.True(Path.Exists(Path.Combine(Deploy, volume.Split(':')[0])), $"{name} mounts {volume}, which is not in deploy/");
            }
        }

        Assert.All(new[] { "bot", "redis", "postgres", "nginx" }, name => Assert.False(((YamlMappingNode)services[name]).Children.ContainsKey("profiles")));
    }

    /// <summary>Drives the service through every path the rules and panels read, then returns the names /metrics exports.</summary>
    private static async Task<HashSet<string>> ExportAfterTrafficAsync(BotProcess service, FakeAiRobotPlatform robot)
    {
        using var client = service.CreateClient();
        var push = new WeChatPush();
        var xml = WeChatPush.TextXml("oMonitoring", "你好", 880001);
        await client.SendAsync(push.Plaintext(xml));
        await client.SendAsync(push.Plaintext(xml));
        await robot.PostAsync(client, FakeAiRobotPlatform.Refresh("zhangsan", "wrMonitoring01", "AAAAAAAAAAAAAAAAemhhbmdzYW4"));
        // A citizen watches a parcel, which is then delivered: a watch started, a notification sent, the watch ended.
        var posted = DateTimeOffset.UtcNow.AddHours(-6);
        await Citizen.IngestShipmentsAsync(client, IngestKey, Citizen.Scan("EA123456785CN", "accepted", posted));
        Assert.Contains("已加入提醒", await new Citizen(client, "oMonitoringWatcher").SayAsync("提醒 EA123456785CN"), StringComparison.Ordinal);
        await Citizen.IngestShipmentsAsync(client, IngestKey, Citizen.Scan("EA123456785CN", "delivered", posted.AddHours(1)));
        // A manager's broadcast: webhook sends, then the summary to the manager in the WeCom app (a token fetch).
        using var admin = service.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", StaffSetup.AdminKey);
        admin.DefaultRequestHeaders.Add(ChatPost.Bot.Broadcasts.BroadcastEndpoints.ManagerHeader, StaffSetup.ProvinceManager);
        var accepted = await admin.PostAsJsonAsync("/api/broadcasts", new { text = "监控测试" });
        var id = (string)(await accepted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await BroadcastApiTests.WaitUntilFinishedAsync(admin, id);

        HashSet<string> names;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            // Gauges read in the background (readiness, today's announcement) appear seconds after the start.
            names = [.. (await client.GetStringAsync("/metrics")).Split('\n')
                .Where(line => line.Length > 0 && line[0] != '#')
                .Select(line => SeriesName().Match(line).Value)];
            // The watch ends after WeChat took its notification, in the outbox's own time.
            if (names.Contains("chatpost_ready") && names.Contains("chatpost_announcement_groups") && names.Contains("chatpost_token_fetches_total")
                && names.Contains("chatpost_watches_ended_total"))
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return names;
    }

    private static IEnumerable<YamlMappingNode> AlertRules() =>
        ((YamlSequenceNode)Load(Rules)["groups"]).Children.SelectMany(group => ((YamlSequenceNode)group["rules"]).Children).OfType<YamlMappingNode>();

    private static IEnumerable<string> DashboardQueries() =>
        JsonNode.Parse(File.ReadAllText(Dashboard))!["panels"]!.AsArray()
            .SelectMany(panel => panel!["targets"]?.AsArray() ?? [])
            .Select(target => (string)target!["expr"]!);

    /// <summary>The metric names a PromQL expression reads: what is left after label matchers, groupings, functions and keywords.</summary>
    private static IEnumerable<string> MetricNames(string expression)
    {
        var bare = Groupings().Replace(Matchers().Replace(Quoted().Replace(expression, ""), ""), "");
        return Identifiers().Matches(bare).Select(match => match.Value).Where(name => !Keywords.Contains(name));
    }

    private static readonly HashSet<string> Keywords = ["and", "or", "unless", "by", "without", "on", "ignoring", "offset", "bool", "group_left", "group_right"];

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlNode node, string key) => ((YamlMappingNode)node)[key].ToString();

    private static async Task<(int ExitCode, string Output)> PromtoolAsync(params string[] arguments)
    {
        using var promtool = Process.Start(new ProcessStartInfo("promtool", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = promtool.StandardOutput.ReadToEndAsync();
        var errors = await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        return (promtool.ExitCode, await output + errors);
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex SeriesName();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("\\{[^}]*\\}|\\[[^\\]]*\\]")]
    private static partial Regex Matchers();

    [GeneratedRegex("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)")]
    private static partial Regex Groupings();

    // A name not followed by "(" (a function) nor preceded by a digit (a duration or number such as 10m, 1e3).
    [GeneratedRegex("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*\\b(?!\\s*\\()")]
    private static partial Regex Identifiers();
}
