using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// The real service in memory, against the test Redis (under its own key prefix) and, when given, a
/// <see cref="FakeWeChatApi"/>. Settings and services can be replaced per test.
/// </summary>
public sealed class ChatPostFactory : WebApplicationFactory<Program>
{
    public const string Token = "chatposttest";
    public const string AppId = "wxchatposttest";
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="keyPrefix">Redis key prefix; replicas of one test share it. Null: the embedded in-memory mode.</param>
    public ChatPostFactory(string? keyPrefix, FakeWeChatApi? api = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _settings = BaseSettings(keyPrefix, api);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _services = services;
    }

    /// <summary>
    /// The settings every test service starts from, in memory here or as a process (<see cref="BotProcess"/>): the test
    /// Redis under <paramref name="keyPrefix"/> (null: embedded), and the Official Account on <paramref name="api"/>.
    /// </summary>
    public static Dictionary<string, string?> BaseSettings(string? keyPrefix, FakeWeChatApi? api = null) => new()
    {
        ["Redis:Configuration"] = keyPrefix is null ? "" : TestRedis.Configuration,
        ["Redis:KeyPrefix"] = keyPrefix,
        ["WeChat:OfficialAccount:AppId"] = AppId,
        ["WeChat:OfficialAccount:AppSecret"] = "test-secret",
        ["WeChat:OfficialAccount:Token"] = Token,
        ["WeChat:OfficialAccount:EncodingAESKey"] = EncodingAesKey,
        ["WeChat:ApiBaseUrl"] = api?.BaseUrl.ToString() ?? "http://127.0.0.1:9/",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
