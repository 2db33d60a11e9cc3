using ChatPost.Bot.Hosting;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Channels.WeCom;
using ChatPost.Bot.Channels.WeCom.AiRobot;
using ChatPost.Bot.Channels.WeCom.GroupRobot;
using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels;

public static class ChannelsExtensions
{
    /// <summary>
    /// The WeChat channels on one Bot Builder adapter: the Official Account for citizens, the WeCom app and the WeCom
    /// 智能机器人 for staff, with the deadline-and-retry handling, late replies through the APIs (or the robot's
    /// streams), and the API clients.
    /// </summary>
    public static IHostApplicationBuilder AddWeChatChannels(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChatPostMetrics();
        var services = builder.Services;
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsRules>();

        services.AddHttpClient<IWeChatApiClient, WeChatApiClient>((provider, http) =>
                http.BaseAddress = WithTrailingSlash(provider.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseUrl))
            .ConfigureForSingletons()
            .AddStandardResilienceHandler(ResilienceForWeChat);

        services.AddOptions<LateReplyOptions>().BindConfiguration(LateReplyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var durable = builder.UsesRedis();
        services.AddSingleton(provider => new LateReplyOutbox(durable
                ? new RedisWorkBacklog(provider.GetRequiredService<RedisConnection>(), RedisKeys.LateReplies)
                : new MemoryWorkBacklog(provider.GetRequiredService<TimeProvider>()),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<InFlightTurns>();
        services.AddHostedService<LateReplyWorker>();
        // Registered after the worker so that it stops first: turns finishing at shutdown can still queue replies.
        services.AddHostedService(provider => provider.GetRequiredService<InFlightTurns>());
        services.AddSingleton<WeChatAdapter>();
        services.AddSingleton<WeChatCallbackHandler>();

        services.AddSingleton<OfficialAccountTokenSource>();
        services.AddKeyedSingleton(OfficialAccountChannel.Id, (provider, _) =>
            ActivatorUtilities.CreateInstance<AccessTokenProvider>(provider, provider.GetRequiredService<OfficialAccountTokenSource>()));
        services.AddSingleton<OfficialAccountChannel>();
        services.AddSingleton<IWeChatChannel>(provider => provider.GetRequiredService<OfficialAccountChannel>());
        services.AddSingleton<OfficialAccountCallback>();

        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>();
        services.AddSingleton<IValidateOptions<WeComOptions>, WeComOptionsRules>();
        services.AddHttpClient<IWeComApiClient, WeComApiClient>((provider, http) =>
                http.BaseAddress = WithTrailingSlash(provider.GetRequiredService<IOptions<WeComOptions>>().Value.ApiBaseUrl))
            .ConfigureForSingletons()
            .AddStandardResilienceHandler(ResilienceForWeChat);
        services.AddSingleton<WeComTokenSource>();
        services.AddKeyedSingleton(WeComChannel.Id, (provider, _) =>
            ActivatorUtilities.CreateInstance<AccessTokenProvider>(provider, provider.GetRequiredService<WeComTokenSource>()));
        services.AddSingleton<WeComChannel>();
        services.AddSingleton<IWeChatChannel>(provider => provider.GetRequiredService<WeComChannel>());
        services.AddSingleton<WeComCallback>();
        builder.AddGroupRobot();
        builder.AddAiRobot();
        return builder;
    }

    /// <summary>The WeChat callback URLs.</summary>
    public static IEndpointRouteBuilder MapWeChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOfficialAccountEndpoints();
        endpoints.MapWeComEndpoints();
        endpoints.MapAiRobotEndpoints();
        return endpoints;
    }

    /// <summary>
    /// Typed clients live inside singletons here, so connections are recycled by the handler itself rather than
    /// by the factory's handler rotation (which a captured client would never see).
    /// </summary>
    public static IHttpClientBuilder ConfigureForSingletons(this IHttpClientBuilder builder) => builder
        .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(2))
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    private static void ResilienceForWeChat(Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions options)
    {
        // Within the 30 s that a token refresh may hold its lock, and short enough for a user waiting on a late reply.
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
