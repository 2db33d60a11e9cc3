using System.Globalization;

namespace ChatPost.Bot.Tests.Support;

/// <summary>Settings for tests of staff groups: groups with robots on a <see cref="FakeWebhook"/>, managers, the admin key.</summary>
public static class StaffSetup
{
    public const string AdminKey = "admin-key-for-tests-0123456789";
    public const string ProvinceManager = "province-boss";
    public const string WuhanManager = "wuhan-boss";

    /// <summary>The webhook key of group <paramref name="index"/>.</summary>
    public static string Key(int index) => $"robot-key-{index}";

    /// <summary>
    /// <paramref name="cities"/>[i] is the city of group i (null: a province group); every group gets the daily
    /// progress announcement. Deliveries retry after <paramref name="retryAfter"/>.
    /// </summary>
    public static Dictionary<string, string?> Settings(FakeWebhook webhook, FakeWeChatApi? api, IReadOnlyList<string?> cities,
        string retryAfter = "00:00:01", int robotRetries = 1)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = AdminKey,
            ["WeCom:WebhookBaseUrl"] = webhook.WebhookUrl.ToString(),
            ["WeCom:RobotMaxRetryAttempts"] = robotRetries.ToString(CultureInfo.InvariantCulture),
            ["WeCom:RobotRetryBaseDelay"] = "00:00:00.100",
            ["WeCom:CorpId"] = "wwchatposttest",
            ["WeCom:AgentId"] = "1000002",
            ["WeCom:Secret"] = "wecom-secret",
            ["WeCom:ApiBaseUrl"] = api?.BaseUrl.ToString() ?? "http://127.0.0.1:9/",
            ["Broadcasts:RetryAfter"] = retryAfter,
            ["Broadcasts:PollInterval"] = "00:00:00.020",
            ["Managers:0:UserId"] = ProvinceManager,
            ["Managers:0:Name"] = "省公司",
            ["Managers:0:Scope"] = "province",
            ["Managers:1:UserId"] = WuhanManager,
            ["Managers:1:Name"] = "武汉分公司",
            ["Managers:1:Scope"] = "武汉",
        };
        for (var i = 0; i < cities.Count; i++)
        {
            settings[$"Groups:{i}:Id"] = $"g{i}";
            settings[$"Groups:{i}:Name"] = $"{cities[i] ?? "省公司"}工作群{i}";
            settings[$"Groups:{i}:City"] = cities[i];
            settings[$"Groups:{i}:WebhookKey"] = Key(i);
            settings[$"Groups:{i}:Announcements:0"] = "daily-progress";
        }

        return settings;
    }
}
