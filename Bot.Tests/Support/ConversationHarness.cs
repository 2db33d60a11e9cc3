using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Features.StaffProgress;
using ChatPost.Bot.Dialogs.Staff;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Notifications;
using ChatPost.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// The citizens' bot as DI composes it (real recogniser, dialogs and the FAQ of config/faq.json) over
/// in-memory state, <see cref="FakePostalRecords"/> and in-memory watches, for TestFlow conversation scripts.
/// </summary>
public sealed class ConversationHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public ConversationHarness(FakePostalRecords? records = null, int lookupsPerMinute = 20, IProgressFigures? figures = null,
        IStaffDirectory? staff = null, IBroadcastRequests? broadcasts = null,
        IDailyAnnouncement? announcement = null)
    {
        Records = records ?? new FakePostalRecords();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "faq.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LookupQuota:PerMinute"] = lookupsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddMetrics()
            .AddSingleton<IStorage, MemoryStorage>()
            .AddSingleton<IShipmentLookup>(Records)
            .AddSingleton<IInvoiceLookup>(Records)
            .AddSingleton<ILookupQuota, MemoryLookupQuota>()
            .AddSingleton<ChatPostMetrics>()
            .AddSingleton<MemoryWatchRecords>()
            .AddSingleton<IWatchRecords>(provider => provider.GetRequiredService<MemoryWatchRecords>())
            .AddSingleton<WatchStore>()
            .AddSingleton<IItemWatches>(provider => provider.GetRequiredService<WatchStore>())
            .AddSingleton(figures ?? Mock.Of<IProgressFigures>())
            .AddSingleton(announcement ?? Mock.Of<IDailyAnnouncement>())
            .AddSingleton(staff ?? Mock.Of<IStaffDirectory>())
            .AddSingleton(broadcasts ?? Mock.Of<IBroadcastRequests>());
        services.AddOptions<LookupQuotaOptions>().BindConfiguration(LookupQuotaOptions.SectionName);
        services.AddOptions<NotificationOptions>().Configure(options => options.MaxWatchesPerUser = MaxWatches);
        services.AddDialogs();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Starts on 2020-03-04 10:00 in China, in the thick of the lockdown.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)));

    public FakePostalRecords Records { get; }

    /// <summary>Everything DI composed for the bots.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The watches the conversation keeps, at most <see cref="MaxWatches"/> a user.</summary>
    public IItemWatches Watches => _services.GetRequiredService<IItemWatches>();

    public const int MaxWatches = 3;

    public FaqIndex Faq => _services.GetRequiredService<IFaqIndexSource>().Current;

    /// <summary>The citizens' bot's forecast of a message's lookups.</summary>
    public ILookupForecast Forecast => (ILookupForecast)_services.GetRequiredService<IBot>();

    /// <summary>A new conversation with the citizens' bot (one user).</summary>
    public TestFlow Flow() => new(new TestAdapter(), _services.GetRequiredService<IBot>());

    /// <summary>A new conversation with the staff bot as WeCom member <paramref name="userId"/>.</summary>
    public TestFlow StaffFlow(string userId)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("staff", userId, "chatpost"));
        return new TestFlow(adapter, _services.GetRequiredKeyedService<IBot>(DialogsExtensions.StaffBotKey));
    }

    /// <summary>A WeCom group (chat <paramref name="chatId"/>) whose members talk to the staff bot through the 智能机器人.</summary>
    public GroupChat GroupChat(string chatId) => new(_services.GetRequiredKeyedService<IBot>(DialogsExtensions.StaffBotKey), chatId);

    public void Dispose() => _services.Dispose();
}
